package person

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

// Directory is a projection of every person, built by following the
// store; it answers the views about all people.
type Directory struct {
	mu     sync.RWMutex
	people map[string]*Person
	sub    eventstore.Subscription
}

// FollowDirectory starts a directory that follows store from its first
// event until ctx ends or Stop is called.
func FollowDirectory(ctx context.Context, store eventstore.Store) (*Directory, error) {
	d := &Directory{people: map[string]*Person{}}
	sub, err := store.Follow(ctx, 1, "", d.apply)
	if err != nil {
		return nil, fmt.Errorf("follow people: %w", err)
	}
	d.sub = sub
	return d, nil
}

// Stop ends following.
func (d *Directory) Stop() { d.sub.Stop() }

func (d *Directory) apply(ev message.Event) {
	d.mu.Lock()
	defer d.mu.Unlock()
	p, ok := d.people[ev.AggregateID]
	if !ok {
		p = &Person{}
		d.people[ev.AggregateID] = p
	}
	Apply(p, ev)
}

// All is every registered person, ordered by ID (copies).
func (d *Directory) All() []Person {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]Person, 0, len(d.people))
	for _, p := range d.people {
		if p.ID != "" {
			out = append(out, *p.clone())
		}
	}
	slices.SortFunc(out, func(a, b Person) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Summary is one person in the people view.
type Summary struct {
	ID      string   `json:"id"`
	Display string   `json:"display"`
	Emails  []string `json:"emails,omitempty"`
	Skills  []Skill  `json:"skills,omitempty"`
}

// Graph is the relationships view: every person and every typed,
// directed edge between them.
type Graph struct {
	Nodes []Summary `json:"nodes"`
	Edges []Edge    `json:"edges"`
}

// Edge is one relationship: From is Type of To.
type Edge struct {
	From string `json:"from"`
	Type string `json:"type"`
	To   string `json:"to"`
}

// summarise is the people view of some people.
func summarise(people []Person) []Summary {
	out := make([]Summary, len(people))
	for i, p := range people {
		out[i] = Summary{ID: p.ID, Display: p.Name.Display, Skills: p.Skills}
		for _, c := range p.Contacts {
			if c.Kind == Email {
				out[i].Emails = append(out[i].Emails, c.Value)
			}
		}
	}
	return out
}

// RelationshipGraph is the graph of some people's relationships; edges
// keep each person's order, by person ID.
func RelationshipGraph(people []Person) Graph {
	g := Graph{Nodes: summarise(people), Edges: []Edge{}}
	for _, p := range people {
		for _, r := range p.Relations {
			g.Edges = append(g.Edges, Edge{From: p.ID, Type: r.Type, To: r.To})
		}
	}
	return g
}

// views are the domain-wide queries the directory answers.
func (d *Directory) views() map[string]service.View {
	return map[string]service.View{
		"people":        func(context.Context, json.RawMessage) (any, error) { return summarise(d.All()), nil },
		"relationships": func(context.Context, json.RawMessage) (any, error) { return RelationshipGraph(d.All()), nil },
		"vcards": func(context.Context, json.RawMessage) (any, error) {
			b, err := EncodeVCards(d.All())
			return string(b), err
		},
	}
}
