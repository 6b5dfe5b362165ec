package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cimviz/cimviz/domains/policy/rule"
	"github.com/cimviz/cimviz/domains/service"
)

// ErrDenied marks a command a policy refused; it comes with
// service.ErrUnauthorized (403).
var ErrDenied = errors.New("denied by policy")

// Enforcer is a service.Gate that judges each command by the policies of
// a [Book] that apply to it, with the actor from [Actors].
type Enforcer struct {
	book      *Book
	actors    Actors
	recorders []Recorder
	now       func() time.Time
	stop      []func()
}

var _ service.Gate = (*Enforcer)(nil)

// EnforcerOption tunes an Enforcer.
type EnforcerOption func(*Enforcer)

// WithRecorder adds a recorder of every evaluation; several may be given.
func WithRecorder(r Recorder) EnforcerOption {
	return func(e *Enforcer) { e.recorders = append(e.recorders, r) }
}

// WithClock sets the clock rules read as `now` (default time.Now).
func WithClock(now func() time.Time) EnforcerOption { return func(e *Enforcer) { e.now = now } }

// NewEnforcer judges by book with the actors from actors (nil: every
// actor is unknown and holds no claims).
func NewEnforcer(book *Book, actors Actors, opts ...EnforcerOption) *Enforcer {
	e := &Enforcer{book: book, actors: actors, now: time.Now}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Book is the policies the enforcer judges by.
func (e *Enforcer) Book() *Book { return e.book }

// Admit evaluates the policies that apply to the command. None applying
// costs a lookup; a denial is 403 naming the rule.
func (e *Enforcer) Admit(ctx context.Context, a service.Admission) error {
	policies := e.book.Applicable(a.Domain, a.Command.Type)
	if len(policies) == 0 {
		return nil
	}
	t := e.Judge(ctx, policies, a)
	for _, r := range e.recorders {
		r.Record(t)
	}
	if t.Decision == Denied {
		return fmt.Errorf("%w: %w: %s", service.ErrUnauthorized, ErrDenied, t.Reason())
	}
	return nil
}

// Judge evaluates policies on the admission and returns the whole trace.
func (e *Enforcer) Judge(ctx context.Context, policies []*Compiled, a service.Admission) Trace {
	now := e.now()
	in := &rule.Input{
		Command: rule.Command{Domain: a.Domain, Type: a.Command.Type, Aggregate: a.Command.AggregateID,
			Actor: a.Command.Actor, CorrelationID: a.Command.CorrelationID.String(), Payload: a.Command.Payload},
		Actor:   e.actor(a.Command.Actor, now),
		Version: a.Version,
		Now:     now,
	}
	if a.State != nil {
		in.State = func() ([]byte, error) { return json.Marshal(a.State()) }
	}
	t := Evaluate(ctx, policies, in)
	t.CorrelationID, t.CommandID = a.Command.CorrelationID.String(), a.Command.MessageID.String()
	t.Domain, t.Command, t.Aggregate, t.Actor, t.Time = a.Domain, a.Command.Type, a.Command.AggregateID, a.Command.Actor, now.UTC()
	return t
}

func (e *Enforcer) actor(id string, at time.Time) rule.Actor {
	if e.actors == nil {
		return rule.Actor{ID: id}
	}
	return e.actors.Actor(id, at)
}

// Stop ends what [StartEnforcer] started (the projections and their
// stores); an enforcer made with NewEnforcer has nothing to stop.
func (e *Enforcer) Stop() {
	for _, f := range e.stop {
		f()
	}
	e.stop = nil
}
