package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/message"
)

// Gate is asked, before every decision, whether a command may be decided
// at all: an authorization check such as the policy domain's enforcer.
// Admit runs on the worker that holds the aggregate, after the harness's
// own rules (creation, existence, expected version) and before Decide, so
// it must be quick and must not block on the network: keep what it needs
// (policies, claims) in a projection.
type Gate interface {
	// Admit returns nil to let the command be decided, or the refusal:
	// an error wrapping ErrUnauthorized (403) says who refused and why.
	Admit(ctx context.Context, a Admission) error
}

// Admission is what a [Gate] learns of a command about to be decided.
type Admission struct {
	// Domain is the serving domain's name.
	Domain string
	// Command is the command, its Actor (X-Actor) included.
	Command message.Command
	// Version is the aggregate's version (0: it does not exist yet).
	Version uint64
	// State returns the aggregate's current state as the domain keeps it
	// (its New() for a new aggregate). It is valid only during Admit, must
	// not be changed, and costs nothing unless called.
	State func() any
}

// GateFunc makes a function a [Gate].
type GateFunc func(ctx context.Context, a Admission) error

// Admit calls f.
func (f GateFunc) Admit(ctx context.Context, a Admission) error { return f(ctx, a) }

// WithGate adds a gate every command must pass before it is decided;
// several may be given, and all must admit. A refused command appends
// nothing.
func WithGate(g Gate) Option {
	return func(c *config) { c.gates = append(c.gates, g) }
}

// admit asks the gates about cmd against the aggregate it is about to be
// decided on. A gate's error that names no sentinel is a 403, so a gate
// that cannot tell (its projection is gone, say) fails closed; only an
// error wrapping ErrInternal stays a 500.
func (e *Engine[S]) admit(ctx context.Context, agg *aggregate[S], cmd message.Command) error {
	if len(e.cfg.gates) == 0 {
		return nil
	}
	a := Admission{Domain: e.d.Name, Command: cmd, Version: agg.version, State: func() any { return agg.state }}
	for _, g := range e.cfg.gates {
		if err := g.Admit(ctx, a); err != nil {
			if Code(err) == 500 && !errors.Is(err, ErrInternal) {
				return fmt.Errorf("%w: %w", ErrUnauthorized, err)
			}
			return err
		}
	}
	return nil
}
