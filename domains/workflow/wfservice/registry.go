package wfservice

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/workflow"
)

// Registry holds every compiled definition version, fed by the
// definitions' events. It is safe for concurrent use.
type Registry struct {
	store eventstore.Store
	mu    sync.RWMutex
	defs  map[string][]*workflow.Definition // by workflow, index = version-1
	sub   eventstore.Subscription
}

// NewRegistry returns a registry that reads through to store (the
// workflowdef domain's) on a miss. Call Follow to keep it current.
func NewRegistry(store eventstore.Store) *Registry {
	return &Registry{store: store, defs: map[string][]*workflow.Definition{}}
}

// Follow applies the store's events as they come, until Stop or ctx ends.
func (r *Registry) Follow(ctx context.Context) error {
	sub, err := r.store.Follow(ctx, 1, "", func(m message.Event) { r.add(m) })
	if err != nil {
		return fmt.Errorf("follow definitions: %w", err)
	}
	r.sub = sub
	return nil
}

// Stop ends following.
func (r *Registry) Stop() {
	if r.sub != nil {
		r.sub.Stop()
	}
}

// Get returns a workflow's definition at version (0: the newest). A
// known version is answered from memory; "newest" always asks the store
// for versions published since, so an instance started right after a
// publish runs what was published.
func (r *Registry) Get(ctx context.Context, wf string, version int) (*workflow.Definition, error) {
	if d := r.lookup(wf, version); d != nil && version != 0 {
		return d, nil
	}
	if err := r.load(ctx, wf); err != nil {
		return nil, err
	}
	if d := r.lookup(wf, version); d != nil {
		return d, nil
	}
	return nil, fmt.Errorf("%w: workflow %q version %d is not published", workflow.ErrNotFound, wf, version)
}

func (r *Registry) lookup(wf string, version int) *workflow.Definition {
	r.mu.RLock()
	defer r.mu.RUnlock()
	vs := r.defs[wf]
	switch {
	case len(vs) == 0 || version < 0 || version > len(vs):
		return nil
	case version == 0:
		return vs[len(vs)-1]
	}
	return vs[version-1]
}

func (r *Registry) load(ctx context.Context, wf string) error {
	if eventstore.CheckToken("workflow", wf) != nil {
		return fmt.Errorf("%w: %q is not a workflow id", workflow.ErrInvalid, wf)
	}
	events, err := r.store.Load(ctx, wf, uint64(r.versions(wf)))
	if err != nil {
		return fmt.Errorf("load workflow %q: %w", wf, err)
	}
	for _, m := range events {
		r.add(m)
	}
	return nil
}

func (r *Registry) versions(wf string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.defs[wf])
}

// add compiles a published version; events it already has, or that do
// not continue the list, are ignored (both paths, follow and read-through,
// deliver the same events).
func (r *Registry) add(m message.Event) {
	if m.Type != EvtPublished {
		return
	}
	var p Published
	if json.Unmarshal(m.Payload, &p) != nil || p.Graph == nil {
		return
	}
	d, err := workflow.Compile(p.Graph, p.Version)
	if err != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.defs[m.AggregateID]) == p.Version-1 {
		r.defs[m.AggregateID] = append(r.defs[m.AggregateID], d)
	}
}
