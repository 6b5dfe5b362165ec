package concept

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/concept/conceptcmd"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Name is the domain's subject token.
const Name = conceptcmd.Name

// ErrPayload marks a command or query payload that is not the JSON its
// type expects (with the decoder's complaint, which may also wrap a space
// sentinel such as space.ErrWrongType).
var ErrPayload = errors.New("malformed payload")

// Command payloads (events carry the same payloads), defined in
// conceptcmd so that senders need not link the service.
type (
	CreateSpace     = conceptcmd.CreateSpace
	AddDimension    = conceptcmd.AddDimension
	UpdateDimension = conceptcmd.UpdateDimension
	SetWeights      = conceptcmd.SetWeights
	Named           = conceptcmd.Named
	Move            = conceptcmd.Move
)

// rule is one command: its event and the change it makes to a space.
type rule struct {
	event string
	run   func(s *space.Space, payload json.RawMessage, strict bool) (any, error)
}

// op makes a rule from a typed change.
func op[P any](event string, change func(*space.Space, P) error) rule {
	return rule{event: event, run: func(s *space.Space, payload json.RawMessage, strict bool) (any, error) {
		var p P
		if err := decode(payload, &p, strict); err != nil {
			return nil, err
		}
		return p, change(s, p)
	}}
}

// rules are the commands by type.
var rules = map[string]rule{
	"create_space":     op("space_created", createSpace),
	"add_dimension":    op("dimension_added", func(s *space.Space, p AddDimension) error { return s.AddDimension(p.Dimension, p.Default) }),
	"update_dimension": op("dimension_updated", func(s *space.Space, p UpdateDimension) error { return s.UpdateDimension(p.Dimension) }),
	"remove_dimension": op("dimension_removed", func(s *space.Space, p Named) error { return s.RemoveDimension(p.Name) }),
	"set_weights":      op("weights_set", func(s *space.Space, p SetWeights) error { return s.SetWeights(p.Context, p.Weights) }),
	"add_concept":      op("concept_added", (*space.Space).AddConcept),
	"move_concept":     op("concept_moved", func(s *space.Space, p Move) error { return s.MoveConcept(p.Name, p.To) }),
	"remove_concept":   op("concept_removed", func(s *space.Space, p Named) error { return s.RemoveConcept(p.Name) }),
	"add_item":         op("item_added", (*space.Space).AddItem),
	"move_item":        op("item_moved", func(s *space.Space, p Move) error { return s.MoveItem(p.Name, p.To) }),
	"remove_item":      op("item_removed", func(s *space.Space, p Named) error { return s.RemoveItem(p.Name) }),
}

func createSpace(s *space.Space, p CreateSpace) error {
	fresh, err := space.New(p.Name, p.Norm)
	if err != nil {
		return err
	}
	*s = *fresh
	return nil
}

// Decide is the rule book: the command's change is tried on a copy of the
// space, and becomes its event when the copy accepts it.
func Decide(s *space.Space, cmd message.Command) ([]service.Draft, error) {
	r, ok := rules[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the concept domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	p, err := r.run(s.Clone(), cmd.Payload, true)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", service.ErrInvalid, cmd.Type, err)
	}
	return []service.Draft{{Type: r.event, Payload: p}}, nil
}

// events are the rules by event type, for Apply.
var events = func() map[string]rule {
	out := make(map[string]rule, len(rules))
	for _, r := range rules {
		out[r.event] = r
	}
	return out
}()

// Apply evolves a space by one event, in place (the space's changes are
// all-or-nothing, so an event that no longer fits, never one this code
// wrote, leaves it as it is; so does an unknown event).
func Apply(s *space.Space, ev message.Event) *space.Space {
	if r, ok := events[ev.Type]; ok {
		_, _ = r.run(s, ev.Payload, false)
	}
	return s
}

// decode reads a payload; strictly (commands), unknown fields are refused
// so a typo is a 400 and not a silent default. Empty is {}.
func decode(payload json.RawMessage, into any, strict bool) error {
	if len(bytes.TrimSpace(payload)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value", ErrPayload)
	}
	return nil
}
