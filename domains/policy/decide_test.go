package policy

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/policy/rule"
	"github.com/cimviz/cimviz/domains/service"
)

func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, AggregateID: "managers-rename", Payload: raw}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "managers-rename", Payload: json.RawMessage(payload)}
}

func given(events ...message.Event) *Policy {
	p := Domain.New()
	for _, e := range events {
		p = Apply(p, e)
	}
	return p
}

var (
	defined = ev("policy_defined", Define{Name: "only managers rename", Target: Target{Domain: "counter", Commands: []string{"rename"}},
		Effect: Allow, Rule: `"manager" in actor.roles`})
	disabled = ev("policy_disabled", Reason{})
	deleted  = ev("policy_deleted", Reason{Reason: "obsolete"})
	live     = []message.Event{defined}
	off      = []message.Event{defined, disabled}
	gone     = []message.Event{defined, deleted}
)

type gwt struct {
	name    string
	given   []message.Event
	when    message.Command
	then    string // the event type, or "" for a refusal
	wantErr error
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := Decide(given(tt.given...), tt.when)
			if tt.then == "" {
				if !errors.Is(err, service.ErrInvalid) || !errors.Is(err, tt.wantErr) || service.Code(err) != 400 {
					t.Fatalf("err = %v, want 400 and %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(drafts[0].Type, drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the policy as it was: %s", drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"define an allow-only policy", nil, cmd("define_policy", `{"name":"only managers rename","domain":"counter","commands":["rename"],"effect":"allow","rule":"\"manager\" in actor.roles"}`), "policy_defined", nil},
		{"define a deny policy on a whole domain", nil, cmd("define_policy", `{"name":"office hours","domain":"graph","effect":"deny","rule":"now.getHours(\"UTC\") < 9"}`), "policy_defined", nil},
		{"change the rule", live, cmd("change_rule", `{"rule":"\"admin\" in actor.roles"}`), "rule_changed", nil},
		{"change the effect", live, cmd("change_rule", `{"rule":"\"manager\" in actor.roles","effect":"deny"}`), "rule_changed", nil},
		{"retarget", live, cmd("retarget_policy", `{"domain":"counter","commands":["rename","create"]}`), "policy_retargeted", nil},
		{"disable", live, cmd("disable_policy", `{"reason":"audit"}`), "policy_disabled", nil},
		{"enable", off, cmd("enable_policy", `{}`), "policy_enabled", nil},
		{"enable with no payload", off, cmd("enable_policy", ``), "policy_enabled", nil},
		{"delete", live, cmd("delete_policy", `{}`), "policy_deleted", nil},
		{"delete a disabled one", off, cmd("delete_policy", `{}`), "policy_deleted", nil},
	}
}

func refused() []gwt {
	return []gwt{
		{"rule does not parse", nil, cmd("define_policy", `{"name":"n","domain":"counter","effect":"deny","rule":"command.type =="}`), "", rule.ErrRule},
		{"rule is not bool", nil, cmd("define_policy", `{"name":"n","domain":"counter","effect":"deny","rule":"1 + 1"}`), "", rule.ErrRule},
		{"rule names an unknown variable", live, cmd("change_rule", `{"rule":"user.admin"}`), "", rule.ErrRule},
		{"empty rule", nil, cmd("define_policy", `{"name":"n","domain":"counter","effect":"deny","rule":""}`), "", rule.ErrRule},
		{"no name", nil, cmd("define_policy", `{"domain":"counter","effect":"deny","rule":"true"}`), "", ErrBadName},
		{"unknown effect", nil, cmd("define_policy", `{"name":"n","domain":"counter","effect":"maybe","rule":"true"}`), "", ErrEffect},
		{"bad domain", nil, cmd("define_policy", `{"name":"n","domain":"a.b","effect":"deny","rule":"true"}`), "", ErrTarget},
		{"no domain", nil, cmd("define_policy", `{"name":"n","effect":"deny","rule":"true"}`), "", ErrTarget},
		{"command twice", nil, cmd("define_policy", `{"name":"n","domain":"c","commands":["x","x"],"effect":"deny","rule":"true"}`), "", ErrTarget},
		{"bad command", live, cmd("retarget_policy", `{"domain":"c","commands":["x y"]}`), "", ErrTarget},
		{"typo in a field", nil, cmd("define_policy", `{"nme":"n","domain":"c","effect":"deny","rule":"true"}`), "", ErrPayload},
		{"two JSON values", live, cmd("disable_policy", `{} {}`), "", ErrPayload},
		{"unknown command", live, cmd("explode", `{}`), "", service.ErrInvalid},
		{"disable twice", off, cmd("disable_policy", `{}`), "", ErrState},
		{"enable an enabled one", live, cmd("enable_policy", `{}`), "", ErrState},
		{"change a deleted one", gone, cmd("change_rule", `{"rule":"true"}`), "", ErrState},
		{"enable a deleted one", gone, cmd("enable_policy", `{}`), "", ErrState},
		{"delete twice", gone, cmd("delete_policy", `{}`), "", ErrState},
		{"bad effect on change", live, cmd("change_rule", `{"rule":"true","effect":"perhaps"}`), "", ErrEffect},
	}
}

// A rule that does not compile is refused with CEL's message and the
// position of the problem.
func TestCompileErrorNamesThePosition(t *testing.T) {
	_, err := Decide(given(), cmd("define_policy", `{"name":"n","domain":"counter","effect":"deny","rule":"command.type == \"rename\" &&\n  actor.roles.exists(r, r = \"x\")"}`))
	var ce *rule.CompileError
	if !errors.As(err, &ce) || service.Code(err) != 400 || !strings.Contains(err.Error(), "<input>:2:") {
		t.Fatalf("err = %v, want a 400 CompileError at line 2", err)
	}
	if ce.Issues[0].Line != 2 || ce.Issues[0].Column < 1 {
		t.Fatalf("issues %+v", ce.Issues)
	}
}
