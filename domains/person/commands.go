package person

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// DomainName is the domain's subject token.
const DomainName = "person"

// ErrPayload marks a payload that is not the JSON its type expects.
var ErrPayload = errors.New("malformed payload")

// Command payloads; each event carries its command's payload, the name
// normalised.
type (
	// Register names a new person (register_person).
	Register struct {
		Name Name `json:"name"`
	}
	// Rename gives a person a new name (rename_person).
	Rename struct {
		Name Name `json:"name"`
	}
	// SkillRef names the skill remove_skill removes.
	SkillRef struct {
		Name string `json:"name"`
	}
)

// rule is one command: its event and the change it makes to a person
// (id is the aggregate's ID).
type rule struct {
	event string
	run   func(p *Person, id string, payload json.RawMessage, strict bool) (any, error)
}

// op makes a rule from a typed change, which may rewrite its payload.
func op[P any](event string, change func(*Person, string, P) (P, error)) rule {
	return rule{event: event, run: func(p *Person, id string, payload json.RawMessage, strict bool) (any, error) {
		var v P
		if err := decode(payload, &v, strict); err != nil {
			return nil, err
		}
		return change(p, id, v)
	}}
}

// rules are the commands by type.
var rules = map[string]rule{
	"register_person": op("person_registered", register),
	"rename_person":   op("person_renamed", rename),
	"add_contact":     op("contact_added", addContact),
	"remove_contact":  op("contact_removed", removeContact),
	"relate":          op("relationship_added", relate),
	"unrelate":        op("relationship_removed", unrelate),
	"add_skill":       op("skill_set", addSkill),
	"remove_skill":    op("skill_removed", removeSkill),
}

func register(p *Person, id string, c Register) (Register, error) {
	n, err := c.Name.normal()
	if err == nil {
		*p = Person{ID: id, Name: n}
	}
	return Register{n}, err
}

func rename(p *Person, _ string, c Rename) (Rename, error) {
	n, err := c.Name.normal()
	if err == nil && n == p.Name {
		err = fmt.Errorf("%w: the name is already %q", ErrDuplicate, n.Display)
	}
	if err == nil {
		p.Name = n
	}
	return Rename{n}, err
}

func addContact(p *Person, _ string, c Contact) (Contact, error) {
	if err := c.check(); err != nil {
		return c, err
	}
	var err error
	p.Contacts, err = addOnce(p.Contacts, c, "contact "+c.Kind)
	return c, err
}

func removeContact(p *Person, _ string, c Contact) (Contact, error) {
	var err error
	p.Contacts, err = removeOnce(p.Contacts, c, "contact "+c.Kind)
	return c, err
}

func relate(p *Person, id string, r Relation) (Relation, error) {
	if err := r.check(id); err != nil {
		return r, err
	}
	var err error
	p.Relations, err = addOnce(p.Relations, r, r.Type+" "+r.To)
	return r, err
}

func unrelate(p *Person, _ string, r Relation) (Relation, error) {
	var err error
	p.Relations, err = removeOnce(p.Relations, r, r.Type+" "+r.To)
	return r, err
}

// addOnce appends v to list unless it is there (ErrDuplicate).
func addOnce[T comparable](list []T, v T, what string) ([]T, error) {
	if slices.Contains(list, v) {
		return list, fmt.Errorf("%w: %s", ErrDuplicate, what)
	}
	return append(list, v), nil
}

// removeOnce deletes v from list, or refuses with ErrMissing.
func removeOnce[T comparable](list []T, v T, what string) ([]T, error) {
	i := slices.Index(list, v)
	if i < 0 {
		return list, fmt.Errorf("%w: %s", ErrMissing, what)
	}
	return slices.Delete(list, i, i+1), nil
}

// addSkill adds a skill or changes its level.
func addSkill(p *Person, _ string, s Skill) (Skill, error) {
	if err := s.check(); err != nil {
		return s, err
	}
	i := slices.IndexFunc(p.Skills, func(k Skill) bool { return k.Name == s.Name })
	switch {
	case i < 0:
		p.Skills = append(p.Skills, s)
	case p.Skills[i] == s:
		return s, fmt.Errorf("%w: skill %s at level %d", ErrDuplicate, s.Name, s.Level)
	default:
		p.Skills[i] = s
	}
	return s, nil
}

func removeSkill(p *Person, _ string, s SkillRef) (SkillRef, error) {
	i := slices.IndexFunc(p.Skills, func(k Skill) bool { return k.Name == s.Name })
	if i < 0 {
		return s, fmt.Errorf("%w: skill %q", ErrMissing, s.Name)
	}
	p.Skills = slices.Delete(p.Skills, i, i+1)
	return s, nil
}

// Known reports whether a person exists; relate asks it about the
// relationship's target.
type Known func(id string) (bool, error)

// Decider is the rule book with the one outside fact it needs: which
// people exist.
type Decider struct{ Known Known }

// Decide tries the command's change on a copy of the person and, when the
// copy accepts it, returns its event. A relationship to a person Known
// does not know is a 404; a duplicate is a 409; a missing contact,
// relationship or skill is a 404; every other refusal is a 400.
func (d Decider) Decide(p *Person, cmd message.Command) ([]service.Draft, error) {
	r, ok := rules[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the person domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	out, err := r.run(p.clone(), cmd.AggregateID, cmd.Payload, true)
	if err == nil {
		err = d.target(out)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", sentinel(err), cmd.Type, err)
	}
	return []service.Draft{{Type: r.event, Payload: out}}, nil
}

// target checks that a new relationship's target exists.
func (d Decider) target(payload any) error {
	r, ok := payload.(Relation)
	if !ok || d.Known == nil {
		return nil
	}
	known, err := d.Known(r.To)
	switch {
	case err != nil:
		return fmt.Errorf("%w: looking up %s: %w", service.ErrInternal, r.To, err)
	case !known:
		return fmt.Errorf("%w: person %q", service.ErrNotFound, r.To)
	}
	return nil
}

// sentinel is the harness error a model refusal maps to.
func sentinel(err error) error {
	switch {
	case errors.Is(err, service.ErrNotFound), errors.Is(err, ErrMissing):
		return service.ErrNotFound
	case errors.Is(err, ErrDuplicate):
		return service.ErrConflict
	case errors.Is(err, service.ErrInternal):
		return service.ErrInternal
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

// Apply evolves a person by one event, in place; an event that does not
// fit (never one this code wrote) or is unknown leaves it as it is.
func Apply(p *Person, ev message.Event) *Person {
	if r, ok := events[ev.Type]; ok {
		next := p.clone()
		if _, err := r.run(next, ev.AggregateID, ev.Payload, false); err == nil {
			*p = *next
		}
	}
	return p
}

// decode reads a payload; strictly (commands), unknown fields are
// refused. Empty is {}.
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
