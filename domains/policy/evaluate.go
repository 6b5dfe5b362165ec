package policy

import (
	"context"
	"fmt"
	"strings"

	"github.com/cimviz/cimviz/domains/policy/rule"
)

// The outcomes of one rule.
const (
	OutcomeTrue  = "true"
	OutcomeFalse = "false"
	OutcomeError = "error"
)

// The decisions.
const (
	Allowed = "allow"
	Denied  = "deny"
)

// Evaluate judges in by every policy given, in order, and returns the
// trace without its command fields (the caller sets them). A deny policy
// denies when its rule is true; an allow policy denies unless it is true.
// A rule that cannot be evaluated (or did not compile) denies either way:
// policies fail closed. Every policy is evaluated, so the trace is whole.
func Evaluate(ctx context.Context, policies []*Compiled, in *rule.Input) Trace {
	t := Trace{Decision: Allowed, Rules: make([]Result, 0, len(policies))}
	for _, c := range policies {
		r := judge(ctx, c, in)
		if r.Denies && t.DeniedBy == "" {
			t.Decision, t.DeniedBy = Denied, c.Policy.ID
		}
		t.Rules = append(t.Rules, r)
	}
	return t
}

// judge evaluates one policy.
func judge(ctx context.Context, c *Compiled, in *rule.Input) Result {
	r := Result{Policy: c.Policy.ID, Name: c.Policy.Name, Version: c.Version, Effect: c.Policy.Effect, Rule: c.Policy.Rule}
	err := c.Err
	var ok bool
	if err == nil {
		ok, err = c.Program.Eval(ctx, in)
	}
	switch {
	case err != nil:
		r.Outcome, r.Error, r.Denies = OutcomeError, err.Error(), true
	case ok:
		r.Outcome, r.Denies = OutcomeTrue, c.Policy.Effect == Deny
	default:
		r.Outcome, r.Denies = OutcomeFalse, c.Policy.Effect == Allow
	}
	return r
}

// Reason says why a denied command was refused: the rule's name and ID,
// its effect and outcome, and the command.
func (t Trace) Reason() string {
	var b strings.Builder
	for _, r := range t.Rules {
		if r.Policy != t.DeniedBy {
			continue
		}
		fmt.Fprintf(&b, "rule %q (policy %s) denies %s of %s %q", r.Name, r.Policy, t.Command, t.Domain, t.Aggregate)
		if t.Actor != "" {
			fmt.Fprintf(&b, " by %s", t.Actor)
		}
		switch {
		case r.Outcome == OutcomeError:
			fmt.Fprintf(&b, ": the rule could not be evaluated (%s)", r.Error)
		case r.Effect == Allow:
			fmt.Fprintf(&b, ": allows only when %s", r.Rule)
		default:
			fmt.Fprintf(&b, ": %s", r.Rule)
		}
		break
	}
	return b.String()
}
