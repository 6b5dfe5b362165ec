package organization

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Name is the domain's subject token.
const Name = "organization"

// Refusals; Decide wraps each in service.ErrInvalid.
var (
	ErrPayload   = errors.New("malformed payload")
	ErrBadName   = errors.New("bad name")
	ErrCycle     = errors.New("would make a cycle")
	ErrDuplicate = errors.New("already present")
	ErrUnknown   = errors.New("not present")
	ErrUnchanged = errors.New("changes nothing")
)

// Command payloads (events carry the same payloads).
type (
	Create struct {
		Name string `json:"name"`
	}
	AddUnit struct {
		Unit   string `json:"unit"`
		Name   string `json:"name"`
		Parent string `json:"parent,omitempty"`
	}
	// MoveUnit gives a unit a new parent ("" for the top); its event also
	// names the old parent in From.
	MoveUnit struct {
		Unit   string `json:"unit"`
		Parent string `json:"parent"`
		From   string `json:"from,omitempty"`
	}
	Merge struct {
		From string `json:"from"`
		Into string `json:"into"`
	}
	Member struct {
		Unit   string `json:"unit"`
		Person string `json:"person"`
		Role   string `json:"role"`
	}
	ReportingLine struct {
		Person  string `json:"person"`
		Manager string `json:"manager,omitempty"`
	}
)

// rule is one command: its event, the check that may complete its
// payload, and the change its event makes.
type rule struct {
	event  string
	decide func(o *Org, raw json.RawMessage) (any, error)
	apply  func(o *Org, raw json.RawMessage)
}

// step makes a rule from a typed check and change.
func step[P any](event string, check func(*Org, P) (P, error), change func(*Org, P)) rule {
	decide := func(o *Org, raw json.RawMessage) (any, error) {
		var p P
		if err := strict(raw, &p); err != nil {
			return nil, err
		}
		return check(o, p)
	}
	apply := func(o *Org, raw json.RawMessage) {
		var p P
		if len(raw) == 0 || json.Unmarshal(raw, &p) == nil {
			change(o, p)
		}
	}
	return rule{event: event, decide: decide, apply: apply}
}

// rules are the commands by type.
var rules = map[string]rule{
	"create_organization":   step("organization_created", checkCreate, func(o *Org, p Create) { o.Name = p.Name }),
	"add_unit":              step("unit_added", checkAddUnit, addUnit),
	"move_unit":             step("unit_moved", checkMove, moveUnit),
	"merge_units":           step("units_merged", checkMerge, merge),
	"add_member":            step("member_added", checkAddMember, addMember),
	"remove_member":         step("member_removed", checkRemoveMember, removeMember),
	"set_reporting_line":    step("reporting_line_set", checkReporting, func(o *Org, p ReportingLine) { o.ReportsTo[p.Person] = p.Manager }),
	"remove_reporting_line": step("reporting_line_removed", checkUnreport, func(o *Org, p ReportingLine) { delete(o.ReportsTo, p.Person) }),
}

// Decide checks the command against the organization and names its event.
// It does not change the organization.
func Decide(o *Org, cmd message.Command) ([]service.Draft, error) {
	r, ok := rules[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the organization domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	payload, err := r.decide(o, cmd.Payload)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", service.ErrInvalid, cmd.Type, err)
	}
	return []service.Draft{{Type: r.event, Payload: payload}}, nil
}

// byEvent are the rules by event type, for Apply.
var byEvent = func() map[string]rule {
	out := make(map[string]rule, len(rules))
	for _, r := range rules {
		out[r.event] = r
	}
	return out
}()

// Apply evolves an organization by one event, in place, and stamps the
// history it added with the event's version and time. An unknown or
// unreadable event leaves it as it is.
func Apply(o *Org, ev message.Event) *Org {
	r, ok := byEvent[ev.Type]
	if !ok {
		return o
	}
	if ev.Type == "organization_created" {
		o.ID = ev.AggregateID
	}
	if o.Units == nil || o.ReportsTo == nil {
		o.Units, o.ReportsTo = newOrg().Units, newOrg().ReportsTo
	}
	n := len(o.History)
	r.apply(o, ev.Payload)
	for i := n; i < len(o.History); i++ {
		o.History[i].Version, o.History[i].Time, o.History[i].Event = ev.Version, ev.Time, ev.Type
	}
	return o
}

// strict reads a command payload, refusing unknown fields and trailing
// data; an empty payload is {}.
func strict(raw json.RawMessage, into any) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(into)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	return nil
}

// name refuses an empty, overlong or unprintable identifier or name.
func name(what, s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: empty %s", ErrBadName, what)
	case len(s) > 200:
		return fmt.Errorf("%w: %s of %d bytes, limit 200", ErrBadName, what, len(s))
	case strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }):
		return fmt.Errorf("%w: %s has unprintable characters", ErrBadName, what)
	}
	return nil
}

// names checks several (what, value) pairs in turn.
func names(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := name(pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// unit is the active unit id, or an ErrUnknown naming it.
func (o *Org) unit(id string) (*Unit, error) {
	if u := o.active(id); u != nil {
		return u, nil
	}
	if u := o.Units[id]; u != nil {
		return nil, fmt.Errorf("%w: unit %q was merged into %q", ErrUnknown, id, u.MergedInto)
	}
	return nil, fmt.Errorf("%w: no unit %q", ErrUnknown, id)
}

// member is the index of m in unit u, or -1.
func (u *Unit) member(m Membership) int { return slices.Index(u.Members, m) }
