package policy

import (
	"context"
	"sync"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/policy/rule"
)

// Actors tells who an actor is, as a rule sees them, at a moment.
type Actors interface {
	Actor(id string, at time.Time) rule.Actor
}

// Directory is the projection of the identity domain's principals that
// rules read their actors from, kept current by following the identity
// stream: a granted or revoked claim counts as soon as its event arrives,
// and judging a command asks nothing of NATS.
type Directory struct {
	follower
	mu         sync.RWMutex
	principals map[string]*identity.Principal
}

var _ Actors = (*Directory)(nil)

// FollowDirectory starts a directory on store (the identity domain's) and
// returns once it holds the principals stored so far, or when ctx ends.
func FollowDirectory(ctx context.Context, store eventstore.Store) (*Directory, error) {
	d := NewDirectory()
	if err := d.start(ctx, store, "principals", d.Fold); err != nil {
		return nil, err
	}
	return d, nil
}

// NewDirectory returns an empty directory that follows nothing: fold
// identity events into it with [Directory.Fold].
func NewDirectory() *Directory {
	return &Directory{principals: map[string]*identity.Principal{}}
}

// Fold applies one identity event.
func (d *Directory) Fold(ev message.Event) {
	d.mu.Lock()
	defer d.mu.Unlock()
	p := d.principals[ev.AggregateID]
	if p == nil {
		p = &identity.Principal{}
		d.principals[ev.AggregateID] = p
	}
	identity.Apply(p, ev)
}

// Actor is the principal id with its claims active at at; an id the
// directory does not hold (or "") is an actor that is not Known and holds
// no claims.
func (d *Directory) Actor(id string, at time.Time) rule.Actor {
	d.mu.RLock()
	defer d.mu.RUnlock()
	p := d.principals[id]
	if id == "" || p == nil || p.Kind == "" {
		return rule.Actor{ID: id}
	}
	a := rule.Actor{ID: id, Known: true, Kind: string(p.Kind), State: string(p.State)}
	for _, c := range p.ActiveClaims(at) {
		a.Claims = append(a.Claims, rule.Claim{Role: c.Role, Scope: c.Scope, Expires: c.Expires})
	}
	return a
}
