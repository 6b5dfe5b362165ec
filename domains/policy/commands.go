package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/policy/rule"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/subject"
)

// Name is the domain's subject token.
const Name = "policy"

// MaxCommands bounds a target's list of command types.
const MaxCommands = 64

// Refusals; Decide wraps each in service.ErrInvalid. A rule that does not
// compile wraps rule.ErrRule (and is a *rule.CompileError).
var (
	ErrPayload = errors.New("malformed payload")
	ErrBadName = errors.New("bad name")
	ErrTarget  = errors.New("bad target")
	ErrEffect  = errors.New("unknown effect")
	ErrState   = errors.New("not allowed in this state")
)

// Command payloads (events carry the same payloads).
type (
	// Define makes a policy.
	Define struct {
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
		Target
		Effect Effect `json:"effect"`
		Rule   string `json:"rule"`
	}
	// ChangeRule replaces the rule, and the effect when given.
	ChangeRule struct {
		Rule   string `json:"rule"`
		Effect Effect `json:"effect,omitempty"`
	}
	// Reason may say why a policy is disabled or deleted.
	Reason struct {
		Reason string `json:"reason,omitempty"`
	}
	// Empty is the payload of enable_policy.
	Empty struct{}
)

// op is one command: its event, its check against the current state and
// the change its event makes.
type op struct {
	event  string
	decide func(p *Policy, payload json.RawMessage) (any, error)
	apply  func(p *Policy, payload json.RawMessage)
}

func newOp[P any](event string, check func(*Policy, *P) error, change func(*Policy, P)) op {
	return op{
		event: event,
		decide: func(p *Policy, payload json.RawMessage) (any, error) {
			var v P
			if err := decode(payload, &v, true); err != nil {
				return nil, err
			}
			return v, check(p, &v)
		},
		apply: func(p *Policy, payload json.RawMessage) {
			var v P
			if decode(payload, &v, false) == nil {
				change(p, v)
			}
		},
	}
}

// ops are the commands by type.
var ops = map[string]op{
	"define_policy":   newOp("policy_defined", checkDefine, define),
	"change_rule":     newOp("rule_changed", checkChangeRule, changeRule),
	"retarget_policy": newOp("policy_retargeted", checkRetarget, func(p *Policy, t Target) { p.Target = t }),
	"disable_policy":  newOp("policy_disabled", checkToggle[Reason](true), func(p *Policy, _ Reason) { p.Enabled = false }),
	"enable_policy":   newOp("policy_enabled", checkToggle[Empty](false), func(p *Policy, _ Empty) { p.Enabled = true }),
	"delete_policy":   newOp("policy_deleted", checkLive[*Reason], func(p *Policy, _ Reason) { p.Deleted, p.Enabled = true, false }),
}

// Decide checks the command against the policy and names its event. It
// does not change the policy.
func Decide(p *Policy, cmd message.Command) ([]service.Draft, error) {
	o, ok := ops[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the policy domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	payload, err := o.decide(p, cmd.Payload)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", service.ErrInvalid, cmd.Type, err)
	}
	return []service.Draft{{Type: o.event, Payload: payload}}, nil
}

// byEvent are the ops by event type, for Apply.
var byEvent = func() map[string]op {
	out := make(map[string]op, len(ops))
	for _, o := range ops {
		out[o.event] = o
	}
	return out
}()

// Apply evolves a policy by one event, in place; an unknown or unreadable
// event leaves it as it is.
func Apply(p *Policy, ev message.Event) *Policy {
	if ev.Type == "policy_defined" {
		p.ID = ev.AggregateID
	}
	if o, ok := byEvent[ev.Type]; ok {
		o.apply(p, ev.Payload)
	}
	return p
}

func define(p *Policy, d Define) {
	p.Name, p.Description, p.Target, p.Effect, p.Rule, p.Enabled = d.Name, d.Description, d.Target, d.Effect, d.Rule, true
}

func changeRule(p *Policy, c ChangeRule) {
	p.Rule = c.Rule
	if c.Effect != "" {
		p.Effect = c.Effect
	}
}

func checkDefine(_ *Policy, d *Define) error {
	if err := checkText("name", d.Name, 200, true); err != nil {
		return err
	}
	if err := checkText("description", d.Description, 2000, false); err != nil {
		return err
	}
	if !d.Effect.valid() {
		return fmt.Errorf("%w: %q (want deny or allow)", ErrEffect, d.Effect)
	}
	if err := checkTarget(d.Target); err != nil {
		return err
	}
	return checkRule(d.Rule)
}

func checkChangeRule(p *Policy, c *ChangeRule) error {
	if err := checkLive(p, c); err != nil {
		return err
	}
	if c.Effect != "" && !c.Effect.valid() {
		return fmt.Errorf("%w: %q (want deny or allow)", ErrEffect, c.Effect)
	}
	return checkRule(c.Rule)
}

func checkRetarget(p *Policy, t *Target) error {
	if err := checkLive(p, t); err != nil {
		return err
	}
	return checkTarget(*t)
}

// checkToggle refuses disabling a disabled policy (wantEnabled) or
// enabling an enabled one.
func checkToggle[P any](wantEnabled bool) func(*Policy, *P) error {
	return func(p *Policy, v *P) error {
		if err := checkLive(p, v); err != nil {
			return err
		}
		if p.Enabled != wantEnabled {
			return fmt.Errorf("%w: policy %q is already %s", ErrState, p.ID, map[bool]string{true: "enabled", false: "disabled"}[p.Enabled])
		}
		return nil
	}
}

// checkLive refuses any change to a deleted policy.
func checkLive[P any](p *Policy, _ P) error {
	if p.Deleted {
		return fmt.Errorf("%w: policy %q is deleted", ErrState, p.ID)
	}
	return nil
}

func checkTarget(t Target) error {
	if err := subject.ValidateToken("domain", t.Domain); err != nil {
		return fmt.Errorf("%w: %w", ErrTarget, err)
	}
	if len(t.Commands) > MaxCommands {
		return fmt.Errorf("%w: %d commands, limit %d", ErrTarget, len(t.Commands), MaxCommands)
	}
	for i, c := range t.Commands {
		if err := subject.ValidateToken("command", c); err != nil {
			return fmt.Errorf("%w: %w", ErrTarget, err)
		}
		if slices.Index(t.Commands, c) != i {
			return fmt.Errorf("%w: command %q named twice", ErrTarget, c)
		}
	}
	return nil
}

// checkRule compiles the rule: its error carries CEL's message and
// position.
func checkRule(src string) error {
	_, err := rule.Compile(src)
	return err
}

// checkText refuses an overlong or non-printable text, and an empty one
// when required.
func checkText(what, s string, limit int, required bool) error {
	switch {
	case required && strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: empty %s", ErrBadName, what)
	case len(s) > limit:
		return fmt.Errorf("%w: %s of %d bytes, limit %d", ErrBadName, what, len(s), limit)
	case strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != '\n' }) >= 0:
		return fmt.Errorf("%w: %s has unprintable characters", ErrBadName, what)
	}
	return nil
}

// decode reads a payload; strictly (commands), unknown fields are refused.
// Empty is {}.
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
