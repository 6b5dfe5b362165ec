package service

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// Domain is one aggregate type: pure decision and evolution functions, and
// the commands and queries the harness serves for it.
type Domain[S any] struct {
	// Name is the domain's subject token (cim.<Name>.cmd...).
	Name string
	// Version is the service's semantic version, shown by $SRV.INFO.
	Version string
	// Description is shown by $SRV.INFO.
	Description string
	// New returns the state of an aggregate that has no events.
	New func() S
	// Decide turns a command into events, or refuses it with an error
	// wrapping one of this package's sentinels (ErrInvalid, ...). It must
	// not change state.
	Decide func(state S, cmd message.Command) ([]Draft, error)
	// Apply evolves the state by one stored event.
	Apply func(state S, ev message.Event) S
	// Commands lists the commands served, by type.
	Commands map[string]CommandSpec
	// Queries lists the queries served, by name.
	Queries map[string]Query[S]
	// Views lists queries about the domain as a whole (a list of its
	// aggregates, say): they name no aggregate and load none.
	Views map[string]View
	// Appends says how a decision of several events is stored: Atomic
	// (the zero value) or Chained.
	Appends AppendMode
}

// View answers a question about the whole domain from a read model the
// domain keeps. args is the request body (nil when empty).
type View func(ctx context.Context, args json.RawMessage) (any, error)

// CommandSpec says how the harness treats one command type.
type CommandSpec struct {
	// Creates: the command makes a new aggregate. It is refused with
	// ErrConflict when the aggregate exists; without an aggregate ID the
	// command's message ID becomes the aggregate's ID. Other commands are
	// refused with ErrNotFound when the aggregate does not exist.
	Creates bool
	// Retry: on a concurrency conflict, reload the aggregate and decide
	// again (up to the engine's retry limit) instead of replying 409.
	// Commands whose outcome does not depend on a stale read, such as
	// increments, can retry safely.
	Retry bool
	// Description is shown by $SRV.INFO in the commands endpoint's metadata.
	Description string
}

// Query answers a question about one aggregate's current state. args is
// the request body (nil when empty); the result is sent as JSON.
type Query[S any] func(state S, version uint64, args json.RawMessage) (any, error)

// Draft is an event a decision produced, before the harness gives it an
// identity, a version and a time.
type Draft struct {
	Type    string
	Payload any
}

var semver = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

// validate checks the domain up front, so that a misconfigured domain
// fails at start and not on its first command.
func (d Domain[S]) validate() error {
	switch {
	case d.New == nil || d.Decide == nil || d.Apply == nil:
		return fmt.Errorf("%w: domain %q needs New, Decide and Apply", ErrConfig, d.Name)
	case len(d.Commands) == 0:
		return fmt.Errorf("%w: domain %q has no commands", ErrConfig, d.Name)
	case !semver.MatchString(d.Version):
		return fmt.Errorf("%w: domain %q version %q is not semantic (1.2.3)", ErrConfig, d.Name, d.Version)
	}
	if err := subject.ValidateToken("domain", d.Name); err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return d.validateNames()
}

func (d Domain[S]) validateNames() error {
	for name := range d.Commands {
		if err := subject.ValidateToken("command", name); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	for name := range d.Queries {
		if err := subject.ValidateToken("query", name); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	for name := range d.Views {
		if err := subject.ValidateToken("query", name); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if _, clash := d.Queries[name]; clash {
			return fmt.Errorf("%w: %q is both a query and a view", ErrConfig, name)
		}
	}
	return nil
}
