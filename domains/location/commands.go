package location

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// DomainName is the domain's subject token.
const DomainName = "location"

// ErrPayload marks a payload that is not the JSON its type expects.
var ErrPayload = errors.New("malformed payload")

// Command payloads (each event carries its command's payload).
type (
	// Register makes a place (register_place).
	Register struct {
		Name    string      `json:"name"`
		Kind    string      `json:"kind"`
		Address string      `json:"address,omitempty"`
		Point   orb.Point   `json:"point"`
		Region  orb.Polygon `json:"region,omitempty"`
		Parent  string      `json:"parent,omitempty"`
	}
	// Rename renames a place (rename_place).
	Rename struct {
		Name string `json:"name"`
	}
	// Describe sets a place's kind and address (describe_place).
	Describe struct {
		Kind    string `json:"kind"`
		Address string `json:"address,omitempty"`
	}
	// Move gives a place a new point (move_place).
	Move struct {
		Point orb.Point `json:"point"`
	}
	// SetRegion gives a place a region, or none (set_region).
	SetRegion struct {
		Region orb.Polygon `json:"region"`
	}
	// SetParent puts a place inside another, or none (set_parent).
	SetParent struct {
		Parent string `json:"parent"`
	}
)

// rule is one command: its event and the change it makes to a place.
type rule struct {
	event string
	run   func(p *Place, id string, payload json.RawMessage) (any, error)
}

// op makes a rule from a typed change to a copy of the place; the rule
// refuses a change that leaves the place invalid or as it was.
func op[P any](event string, change func(*Place, string, P)) rule {
	return rule{event: event, run: func(p *Place, id string, payload json.RawMessage) (any, error) {
		var v P
		if err := decode(payload, &v); err != nil {
			return nil, err
		}
		next := p.clone()
		change(next, id, v)
		if len(next.Region) == 0 {
			next.Region = nil
		}
		if err := next.check(); err != nil {
			return nil, err
		}
		if p.ID != "" && equal(p, next) {
			return nil, fmt.Errorf("%w: %s", ErrSame, event)
		}
		*p = *next
		return v, nil
	}}
}

// rules are the commands by type.
var rules = map[string]rule{
	"register_place": op("place_registered", func(p *Place, id string, c Register) {
		*p = Place{ID: id, Name: c.Name, Kind: c.Kind, Address: c.Address, Point: c.Point, Region: c.Region, Parent: c.Parent}
	}),
	"rename_place":   op("place_renamed", func(p *Place, _ string, c Rename) { p.Name = c.Name }),
	"describe_place": op("place_described", func(p *Place, _ string, c Describe) { p.Kind, p.Address = c.Kind, c.Address }),
	"move_place":     op("place_moved", func(p *Place, _ string, c Move) { p.Point = c.Point }),
	"set_region":     op("region_set", func(p *Place, _ string, c SetRegion) { p.Region = c.Region }),
	"set_parent":     op("parent_set", func(p *Place, _ string, c SetParent) { p.Parent = c.Parent }),
}

// equal reports whether two places are the same.
func equal(a, b *Place) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// Lookup finds a place by ID (false when there is none).
type Lookup func(id string) (Place, bool, error)

// Decider is the rule book with the outside fact it needs: the places a
// parent chain goes through.
type Decider struct{ Lookup Lookup }

// maxDepth bounds a containment chain.
const maxDepth = 64

// Decide tries the command on a copy of the place and returns its event
// when the copy accepts it. An unknown parent is a 404, a change that
// changes nothing a 409, a cycle and every other refusal a 400.
func (d Decider) Decide(p *Place, cmd message.Command) ([]service.Draft, error) {
	r, ok := rules[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the location domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	next := p.clone()
	out, err := r.run(next, cmd.AggregateID, cmd.Payload)
	if err == nil && next.Parent != p.Parent {
		err = d.acyclic(cmd.AggregateID, next.Parent)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", sentinel(err), cmd.Type, err)
	}
	return []service.Draft{{Type: r.event, Payload: out}}, nil
}

// acyclic walks up from parent and refuses to reach id.
func (d Decider) acyclic(id, parent string) error {
	for depth, cur := 0, parent; cur != ""; depth++ {
		if cur == id {
			return fmt.Errorf("%w: %s is inside %s already", ErrCycle, parent, id)
		}
		if depth == maxDepth {
			return fmt.Errorf("%w: more than %d places above %s", ErrBadParent, maxDepth, id)
		}
		if d.Lookup == nil {
			return nil
		}
		place, found, err := d.Lookup(cur)
		switch {
		case err != nil:
			return fmt.Errorf("%w: looking up %s: %w", service.ErrInternal, cur, err)
		case !found && cur == parent:
			return fmt.Errorf("%w: parent %q", service.ErrNotFound, parent)
		case !found:
			return nil
		}
		cur = place.Parent
	}
	return nil
}

// sentinel is the harness error a refusal maps to.
func sentinel(err error) error {
	for _, s := range []error{service.ErrNotFound, service.ErrInternal} {
		if errors.Is(err, s) {
			return s
		}
	}
	if errors.Is(err, ErrSame) {
		return service.ErrConflict
	}
	return service.ErrInvalid
}

// events are the rules by event type, for Apply.
var events = func() map[string]rule {
	out := make(map[string]rule, len(rules))
	for _, r := range rules {
		out[r.event] = r
	}
	return out
}()

// Apply evolves a place by one event, in place; an event that does not
// fit (never one this code wrote) or is unknown leaves it as it is.
func Apply(p *Place, ev message.Event) *Place {
	if r, ok := events[ev.Type]; ok {
		_, _ = r.run(p, ev.AggregateID, ev.Payload)
	}
	return p
}

// decode reads a payload strictly: unknown fields and trailing values
// are refused. Empty is {}.
func decode(payload json.RawMessage, into any) error {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	err := dec.Decode(into)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil && len(bytes.TrimSpace(payload)) > 0 {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	return nil
}
