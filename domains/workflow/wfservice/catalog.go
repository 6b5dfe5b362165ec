package wfservice

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/workflow"
)

// Summary is one instance in the instances query.
type Summary struct {
	ID       string         `json:"id"`
	Workflow string         `json:"workflow"`
	Version  int            `json:"version"`
	State    workflow.State `json:"state"`
	Depth    int            `json:"depth,omitempty"`
	Parent   string         `json:"parent,omitempty"`
	// Sequence is the store position of the instance's latest event.
	Sequence uint64 `json:"sequence"`
}

// Catalog is a projection of every instance's summary, built by following
// the instances' store. Only instance_created/started and the events that
// change the instance state matter to it.
type Catalog struct {
	mu   sync.RWMutex
	byID map[string]*Summary
	sub  eventstore.Subscription
}

// FollowCatalog starts a catalog that follows store from its first event.
func FollowCatalog(ctx context.Context, store eventstore.Store) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Summary{}}
	sub, err := store.Follow(ctx, 1, "", c.apply)
	if err != nil {
		return nil, fmt.Errorf("follow instances: %w", err)
	}
	c.sub = sub
	return c, nil
}

// Stop ends following.
func (c *Catalog) Stop() { c.sub.Stop() }

var stateOf = map[string]workflow.State{
	workflow.EvtInstanceCreated: workflow.Draft, workflow.EvtInstanceStarted: workflow.Running,
	workflow.EvtInstancePaused: workflow.Paused, workflow.EvtResumed: workflow.Running,
	workflow.EvtCancelled: workflow.Cancelled, workflow.EvtCompleted: workflow.Completed, workflow.EvtFailed: workflow.Failed,
}

func (c *Catalog) apply(m message.Event) {
	st, ok := stateOf[m.Type]
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.byID[m.AggregateID]
	if s == nil {
		s = &Summary{ID: m.AggregateID}
		c.byID[m.AggregateID] = s
	}
	if e, err := workflow.DecodeEvent(m.Type, m.Payload); err == nil && e.Workflow != "" {
		s.Workflow, s.Version, s.Depth, s.Parent = e.Workflow, e.Version, e.Depth, e.Parent
	}
	s.State, s.Sequence = st, m.Sequence
}

// List returns the instances of a workflow ("" for all), in one state
// ("" for any), ordered by ID.
func (c *Catalog) List(wf string, state workflow.State) []Summary {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := []Summary{}
	for _, s := range c.byID {
		if (wf == "" || s.Workflow == wf) && (state == "" || s.State == state) {
			out = append(out, *s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// TopLevel reports whether the catalog knows id as an instance that no
// other instance started. A parent is fixed when an instance is created,
// so a yes is final; a no may only mean the catalog has not seen id yet.
func (c *Catalog) TopLevel(id string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	s := c.byID[id]
	return s != nil && s.Workflow != "" && s.Parent == ""
}

// Children returns the instances a parent's subworkflow steps started
// that have not ended.
func (c *Catalog) Children(parent string) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var ids []string
	for _, s := range c.byID {
		if s.Parent == parent && !s.State.Terminal() {
			ids = append(ids, s.ID)
		}
	}
	sort.Strings(ids)
	return ids
}
