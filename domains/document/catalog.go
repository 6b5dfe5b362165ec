package document

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Catalog is a projection of every document without its bodies, built
// by following the store; it answers the views about all documents.
type Catalog struct {
	mu   sync.RWMutex
	docs map[string]*Document
	sub  eventstore.Subscription
}

// NewCatalog is an empty catalog, fed by [Catalog.Apply].
func NewCatalog() *Catalog { return &Catalog{docs: map[string]*Document{}} }

// FollowCatalog starts a catalog that follows store from its first event
// until ctx ends or Stop is called.
func FollowCatalog(ctx context.Context, store eventstore.Store) (*Catalog, error) {
	c := NewCatalog()
	sub, err := store.Follow(ctx, 1, "", c.Apply)
	if err != nil {
		return nil, fmt.Errorf("follow documents: %w", err)
	}
	c.sub = sub
	return c, nil
}

// Stop ends following.
func (c *Catalog) Stop() {
	if c.sub != nil {
		c.sub.Stop()
	}
}

// Apply folds one event in, keeping no bodies.
func (c *Catalog) Apply(ev message.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[ev.AggregateID]
	if !ok {
		d = &Document{}
		c.docs[ev.AggregateID] = d
	}
	Apply(d, ev)
	for i := range d.Versions {
		d.Versions[i] = d.Versions[i].bare()
	}
}

// Summary is one document in the documents view.
type Summary struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	MediaType string   `json:"media_type"`
	Tags      []string `json:"tags,omitempty"`
	Author    string   `json:"author,omitempty"`
	Latest    string   `json:"latest"`
	Size      int      `json:"size"`
	Versions  int      `json:"versions"`
}

// LinkAnswer is one link in the links view: the document and where it is
// linked from.
type LinkAnswer struct {
	Document  string `json:"document"`
	Title     string `json:"title"`
	MediaType string `json:"media_type"`
	Target    Target `json:"target"`
}

// LinksArgs select links: a graph's (any node, or Node), a workflow's
// (any step, or Step).
type LinksArgs struct {
	Graph    string `json:"graph,omitempty"`
	Node     string `json:"node,omitempty"`
	Workflow string `json:"workflow,omitempty"`
	Step     string `json:"step,omitempty"`
}

// Summaries are every document, by ID.
func (c *Catalog) Summaries() []Summary {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := []Summary{}
	for _, d := range c.docs {
		if l := d.Latest(); l != nil {
			out = append(out, Summary{ID: d.ID, Title: d.Title, MediaType: d.MediaType, Tags: slices.Clone(d.Tags),
				Author: d.Author, Latest: l.CID, Size: l.Size, Versions: len(d.Versions)})
		}
	}
	slices.SortFunc(out, func(a, b Summary) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Links are the links a selects, by target then document.
func (c *Catalog) Links(a LinksArgs) []LinkAnswer {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := []LinkAnswer{}
	for _, d := range c.docs {
		for _, t := range d.Links {
			if a.selects(t) {
				out = append(out, LinkAnswer{Document: d.ID, Title: d.Title, MediaType: d.MediaType, Target: t})
			}
		}
	}
	slices.SortFunc(out, func(x, y LinkAnswer) int {
		return cmp.Or(cmp.Compare(x.Target.Key(), y.Target.Key()), cmp.Compare(x.Document, y.Document))
	})
	return out
}

func (a LinksArgs) selects(t Target) bool {
	if a.Graph != "" {
		return t.Graph == a.Graph && (a.Node == "" || t.Node == a.Node)
	}
	return t.Workflow == a.Workflow && (a.Step == "" || t.Step == a.Step)
}

// views are the domain-wide queries the catalog answers.
func (c *Catalog) views() map[string]service.View {
	return map[string]service.View{
		"documents": func(context.Context, json.RawMessage) (any, error) { return c.Summaries(), nil },
		"links": func(_ context.Context, args json.RawMessage) (any, error) {
			var a LinksArgs
			if err := decode(args, &a, true); err != nil {
				return nil, fmt.Errorf("%w: links: %w", service.ErrInvalid, err)
			}
			if (a.Graph == "") == (a.Workflow == "") || (a.Graph == "" && a.Node != "") || (a.Workflow == "" && a.Step != "") {
				return nil, fmt.Errorf("%w: links: name a graph (and a node) or a workflow (and a step)", service.ErrInvalid)
			}
			return c.Links(a), nil
		},
	}
}
