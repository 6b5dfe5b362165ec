package policy

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/policy/rule"
)

// Compiled is a policy ready to judge: the policy at a version and its
// rule's program. Err is set when the stored rule does not compile (a
// newer CEL, say); such a policy refuses what it applies to.
type Compiled struct {
	Policy  Policy
	Version uint64
	Program *rule.Program
	Err     error
}

// Book is the projection of every policy, kept current by following the
// policy stream. Each rule is compiled once, when its event arrives;
// [Book.Applicable] reads a snapshot without locking, so judging a
// command costs a map lookup when no policy applies.
type Book struct {
	follower
	mu       sync.Mutex
	policies map[string]*Policy
	versions map[string]uint64
	compiled map[string]*Compiled
	byDomain atomic.Pointer[map[string][]*Compiled]
}

// FollowBook starts a book on store (the policy domain's) and returns once
// it holds the policies stored so far, or when ctx ends. Stop it (or close
// the store) when done.
func FollowBook(ctx context.Context, store eventstore.Store) (*Book, error) {
	b := NewBook()
	if err := b.start(ctx, store, "policies", b.Fold); err != nil {
		return nil, err
	}
	return b, nil
}

// NewBook returns an empty book that follows nothing: fold events into it
// with [Book.Fold].
func NewBook() *Book {
	b := &Book{policies: map[string]*Policy{}, versions: map[string]uint64{}, compiled: map[string]*Compiled{}}
	b.byDomain.Store(&map[string][]*Compiled{})
	return b
}

// Fold applies one policy event; a changed rule is compiled here.
func (b *Book) Fold(ev message.Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.policies[ev.AggregateID]
	if p == nil {
		p = &Policy{}
		b.policies[ev.AggregateID] = p
	}
	before := *p
	Apply(p, ev)
	b.versions[ev.AggregateID] = ev.Version
	b.recompile(ev.AggregateID, p, before.Rule != p.Rule)
	b.reindex()
}

// recompile keeps the policy's compiled form in step; the program is
// built again only when the rule changed.
func (b *Book) recompile(id string, p *Policy, ruleChanged bool) {
	old := b.compiled[id]
	c := &Compiled{Policy: *p, Version: b.versions[id]}
	c.Policy.Commands = slices.Clone(p.Commands)
	if old != nil && !ruleChanged {
		c.Program, c.Err = old.Program, old.Err
	} else if p.Rule != "" {
		c.Program, c.Err = rule.Compile(p.Rule)
	}
	b.compiled[id] = c
}

// reindex publishes a new snapshot of the active policies by domain,
// ordered by ID.
func (b *Book) reindex() {
	idx := map[string][]*Compiled{}
	for _, c := range b.compiled {
		if c.Policy.Active() {
			idx[c.Policy.Domain] = append(idx[c.Policy.Domain], c)
		}
	}
	for _, list := range idx {
		slices.SortFunc(list, func(x, y *Compiled) int { return cmp.Compare(x.Policy.ID, y.Policy.ID) })
	}
	b.byDomain.Store(&idx)
}

// Applicable returns the active policies that apply to a command of
// domain, ordered by policy ID. The result must not be changed.
func (b *Book) Applicable(domain, command string) []*Compiled {
	var out []*Compiled
	for _, c := range (*b.byDomain.Load())[domain] {
		if c.Policy.Covers(domain, command) {
			out = append(out, c)
		}
	}
	return out
}

// Policies returns every policy the book holds (deleted ones too), by ID,
// with its version.
func (b *Book) Policies() []Compiled {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Compiled, 0, len(b.compiled))
	for _, c := range b.compiled {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(x, y Compiled) int { return cmp.Compare(x.Policy.ID, y.Policy.ID) })
	return out
}
