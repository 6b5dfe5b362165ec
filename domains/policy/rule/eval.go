package rule

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrEval marks a rule that could not be evaluated on its input: a
// missing key, a type mismatch, a result that is not a bool, or a cost
// over CostLimit.
var ErrEval = errors.New("rule evaluation failed")

// Input is what a rule is evaluated on. Payload and State are JSON; they
// are decoded only when a rule reads them, once per Input.
type Input struct {
	Command Command
	Actor   Actor
	// State returns the aggregate's state as JSON (nil: {}); called at
	// most once, and only if a rule reads `state`.
	State   func() ([]byte, error)
	Version uint64
	Now     time.Time

	once  sync.Once
	vars  map[string]any
	state func() any
}

// Command is the command as a rule sees it.
type Command struct {
	Domain        string
	Type          string
	Aggregate     string
	Actor         string
	CorrelationID string
	Payload       json.RawMessage
}

// Actor is the acting principal as a rule sees it. Known is false when
// the command named no actor or one the identity domain does not hold.
type Actor struct {
	ID     string
	Known  bool
	Kind   string
	State  string
	Claims []Claim
}

// Claim is an active claim of the actor.
type Claim struct {
	Role    string
	Scope   string
	Expires *time.Time
}

// Eval runs the program on in and returns its result. An input is best
// evaluated by every applicable program in turn: what they decode is
// shared.
func (p *Program) Eval(ctx context.Context, in *Input) (bool, error) {
	out, _, err := p.prg.ContextEval(ctx, in.activation())
	if err != nil {
		return false, fmt.Errorf("%w: %v", ErrEval, err)
	}
	b, ok := out.Value().(bool)
	if !ok {
		return false, fmt.Errorf("%w: the rule yielded %s, not bool", ErrEval, out.Type().TypeName())
	}
	return b, nil
}

// activation is the variables, built once; state is decoded lazily. CEL
// memoises a lazy variable in the map it is given, so each evaluation
// gets a copy of the map and the input memoises state itself.
func (in *Input) activation() map[string]any {
	in.once.Do(func() {
		in.state = sync.OnceValue(func() any { return in.decodeState() })
		in.vars = map[string]any{
			VarCommand: in.Command.vars(), VarActor: in.Actor.vars(),
			VarVersion: int64(min(in.Version, 1<<63-1)), VarNow: in.Now,
		}
	})
	vars := make(map[string]any, len(in.vars)+1)
	for k, v := range in.vars {
		vars[k] = v
	}
	vars[VarState] = in.state
	return vars
}

func (in *Input) decodeState() any {
	if in.State == nil {
		return map[string]any{}
	}
	raw, err := in.State()
	if err != nil {
		return map[string]any{}
	}
	return object(raw)
}

func (c Command) vars() map[string]any {
	return map[string]any{
		"domain": c.Domain, "type": c.Type, "aggregate": c.Aggregate, "actor": c.Actor,
		"correlation_id": c.CorrelationID, "payload": object(c.Payload),
	}
}

func (a Actor) vars() map[string]any {
	roles := make([]any, 0, len(a.Claims))
	claims := make([]any, 0, len(a.Claims))
	for _, c := range a.Claims {
		roles = append(roles, c.Role)
		m := map[string]any{"role": c.Role, "scope": c.Scope}
		if c.Expires != nil {
			m["expires"] = *c.Expires
		}
		claims = append(claims, m)
	}
	return map[string]any{"id": a.ID, "known": a.Known, "kind": a.Kind, "state": a.State, "roles": roles, "claims": claims}
}

// object decodes a JSON object into a map; anything else (empty, not
// JSON, an array) is {}. Numbers stay JSON numbers as float64, CEL's
// double: compare them with 1.0 or int().
func object(raw []byte) map[string]any {
	m := map[string]any{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return m
	}
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return map[string]any{}
	}
	return m
}
