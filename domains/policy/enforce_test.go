package policy

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// policyEvent defines policy id.
func policyEvent(id string, version uint64, d Define) message.Event {
	raw, _ := json.Marshal(d)
	return message.Event{Type: "policy_defined", AggregateID: id, Version: version, Payload: raw}
}

func bookOf(events ...message.Event) *Book {
	b := NewBook()
	for _, e := range events {
		b.Fold(e)
	}
	return b
}

// directory holds person-ken (no claims) and person-grace (manager).
func directory() *Directory {
	d := NewDirectory()
	for _, c := range identity.Seed([]string{"person-ken", "person-grace"}) {
		d.Fold(message.Event{Type: map[string]string{"register_principal": "principal_registered", "verify_principal": "principal_verified"}[c.Type],
			AggregateID: c.AggregateID, Payload: c.Payload})
	}
	grant, _ := json.Marshal(identity.Claim{Role: "manager", Scope: "unit:sales"})
	d.Fold(message.Event{Type: "claim_granted", AggregateID: "person-grace", Payload: grant})
	return d
}

var (
	managersRename = policyEvent("managers-rename", 1, Define{Name: "only managers rename", Target: Target{Domain: "counter", Commands: []string{"rename"}},
		Effect: Allow, Rule: `"manager" in actor.roles`})
	officeHours = policyEvent("office-hours", 1, Define{Name: "no renames outside business hours", Target: Target{Domain: "counter", Commands: []string{"rename"}},
		Effect: Deny, Rule: `now.getHours("UTC") < 9 || now.getHours("UTC") >= 17`})
	noBigCounters = policyEvent("small-limits", 1, Define{Name: "limits up to 100", Target: Target{Domain: "counter", Commands: []string{"create"}},
		Effect: Deny, Rule: `has(command.payload.limit) && command.payload.limit > 100`})
	keepVisits = policyEvent("keep-visits", 1, Define{Name: "visits keeps its name", Target: Target{Domain: "counter"},
		Effect: Deny, Rule: `command.type == "rename" && state.name == "visits"`})
	broken = policyEvent("broken", 1, Define{Name: "reads a missing field", Target: Target{Domain: "counter", Commands: []string{"rename"}},
		Effect: Deny, Rule: `command.payload.reason == "x"`})
	otherDomain = policyEvent("graphs-only", 1, Define{Name: "graphs only", Target: Target{Domain: "graph"}, Effect: Deny, Rule: `true`})
	disable     = message.Event{Type: "policy_disabled", AggregateID: "managers-rename", Version: 2, Payload: []byte(`{}`)}
)

func admission(typ, actor, payload string) service.Admission {
	c := message.NewCommand("counter", typ, "c1", json.RawMessage(payload))
	c.Actor = actor
	return service.Admission{Domain: "counter", Command: c, Version: 1, State: func() any { return demo.Counter{Name: "visits"} }}
}

var (
	noon    = time.Date(2030, 1, 7, 12, 0, 0, 0, time.UTC)
	evening = time.Date(2030, 1, 7, 20, 0, 0, 0, time.UTC)
)

// Given these policies, when a command comes at a time from an actor,
// then this decision, naming this policy.
func TestEnforceGivenWhenThen(t *testing.T) {
	tests := []struct {
		name     string
		given    []message.Event
		at       time.Time
		when     service.Admission
		decision string
		deniedBy string
		rules    int
	}{
		{"no policy applies", []message.Event{otherDomain}, noon, admission("rename", "person-ken", `{"name":"x"}`), "", "", 0},
		{"no claim, allow-only", []message.Event{managersRename}, noon, admission("rename", "person-ken", `{"name":"x"}`), Denied, "managers-rename", 1},
		{"manager, allow-only", []message.Event{managersRename}, noon, admission("rename", "person-grace", `{"name":"x"}`), Allowed, "", 1},
		{"no actor at all", []message.Event{managersRename}, noon, admission("rename", "", `{"name":"x"}`), Denied, "managers-rename", 1},
		{"an unknown actor", []message.Event{managersRename}, noon, admission("rename", "person-nobody", `{"name":"x"}`), Denied, "managers-rename", 1},
		{"other command not covered", []message.Event{managersRename}, noon, admission("increment", "person-ken", `{}`), "", "", 0},
		{"disabled policy", []message.Event{managersRename, disable}, noon, admission("rename", "person-ken", `{"name":"x"}`), "", "", 0},
		{"in business hours", []message.Event{officeHours}, noon, admission("rename", "person-ken", `{"name":"x"}`), Allowed, "", 1},
		{"after hours", []message.Event{officeHours}, evening, admission("rename", "person-grace", `{"name":"x"}`), Denied, "office-hours", 1},
		{"both, manager after hours", []message.Event{managersRename, officeHours}, evening, admission("rename", "person-grace", `{"name":"x"}`), Denied, "office-hours", 2},
		{"both, first denial named", []message.Event{managersRename, officeHours}, evening, admission("rename", "person-ken", `{"name":"x"}`), Denied, "managers-rename", 2},
		{"payload over the limit", []message.Event{noBigCounters}, noon, admission("create", "person-ken", `{"name":"x","limit":500}`), Denied, "small-limits", 1},
		{"payload within", []message.Event{noBigCounters}, noon, admission("create", "person-ken", `{"name":"x"}`), Allowed, "", 1},
		{"state read", []message.Event{keepVisits}, noon, admission("rename", "person-grace", `{"name":"x"}`), Denied, "keep-visits", 1},
		{"state not matching", []message.Event{keepVisits}, noon, admission("increment", "person-grace", `{}`), Allowed, "", 1},
		{"an evaluation error fails closed", []message.Event{broken}, noon, admission("rename", "person-grace", `{"name":"x"}`), Denied, "broken", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := NewTraceLog(8)
			e := NewEnforcer(bookOf(tt.given...), directory(), WithClock(func() time.Time { return tt.at }), WithRecorder(log))
			err := e.Admit(context.Background(), tt.when)
			traces := log.Correlation(tt.when.Command.CorrelationID.String())
			switch {
			case tt.decision == "" && (err != nil || len(traces) != 0):
				t.Fatalf("err %v, %d traces; want no judgement", err, len(traces))
			case tt.decision == Allowed && err != nil:
				t.Fatalf("err %v, want allowed", err)
			case tt.decision == Denied && (!errors.Is(err, service.ErrUnauthorized) || !errors.Is(err, ErrDenied) || service.Code(err) != 403):
				t.Fatalf("err %v, want a 403 denial", err)
			}
			if tt.decision == "" {
				return
			}
			if len(traces) != 1 || traces[0].Decision != tt.decision || traces[0].DeniedBy != tt.deniedBy || len(traces[0].Rules) != tt.rules {
				t.Fatalf("traces %+v", traces)
			}
			if tt.decision == Denied && !strings.Contains(err.Error(), `rule "`+traces[0].Rules[ruleIndex(traces[0], tt.deniedBy)].Name+`"`) {
				t.Fatalf("err %v does not name the rule", err)
			}
		})
	}
}

func ruleIndex(t Trace, policy string) int {
	for i, r := range t.Rules {
		if r.Policy == policy {
			return i
		}
	}
	return 0
}

// A rule is compiled once, not per command, and again only when it
// changes.
func TestBookCompilesOnce(t *testing.T) {
	b := bookOf(managersRename)
	first := b.Applicable("counter", "rename")[0].Program
	b.Fold(message.Event{Type: "policy_retargeted", AggregateID: "managers-rename", Version: 2, Payload: []byte(`{"domain":"counter","commands":["rename","create"]}`)})
	if got := b.Applicable("counter", "create"); len(got) != 1 || got[0].Program != first {
		t.Fatal("retargeting compiled the rule again")
	}
	b.Fold(message.Event{Type: "rule_changed", AggregateID: "managers-rename", Version: 3, Payload: []byte(`{"rule":"true"}`)})
	if got := b.Applicable("counter", "create"); got[0].Program == first || got[0].Program.Source() != "true" || got[0].Version != 3 {
		t.Fatal("a changed rule was not compiled")
	}
	b.Fold(message.Event{Type: "policy_deleted", AggregateID: "managers-rename", Version: 4, Payload: []byte(`{}`)})
	if got := b.Applicable("counter", "create"); len(got) != 0 {
		t.Fatalf("a deleted policy applies: %+v", got)
	}
}

// A stored rule that no longer compiles refuses what it covers.
func TestStoredRuleThatDoesNotCompileFailsClosed(t *testing.T) {
	bad := policyEvent("bad", 1, Define{Name: "bad", Target: Target{Domain: "counter"}, Effect: Allow, Rule: `this is not CEL`})
	e := NewEnforcer(bookOf(bad), nil)
	err := e.Admit(context.Background(), admission("increment", "person-grace", `{}`))
	if service.Code(err) != 403 || !strings.Contains(err.Error(), "could not be evaluated") {
		t.Fatalf("err = %v", err)
	}
}

// Claims expire and revocations count, as the directory folds them.
func TestDirectoryActors(t *testing.T) {
	d := directory()
	if a := d.Actor("person-grace", noon); !a.Known || len(a.Claims) != 1 || a.Claims[0].Role != "manager" || a.Kind != "person" {
		t.Fatalf("grace %+v", a)
	}
	d.Fold(message.Event{Type: "claim_revoked", AggregateID: "person-grace", Payload: []byte(`{"role":"manager","scope":"unit:sales"}`)})
	if a := d.Actor("person-grace", noon); len(a.Claims) != 0 {
		t.Fatalf("revoked claim still held: %+v", a)
	}
	if a := d.Actor("nobody", noon); a.Known || a.ID != "nobody" {
		t.Fatalf("unknown %+v", a)
	}
}

// The trace log keeps the newest traces and finds them by correlation.
func TestTraceLogRing(t *testing.T) {
	l := NewTraceLog(3)
	ids := []string{"a", "b", "a", "c", "a"}
	for i, id := range ids {
		l.Record(Trace{CorrelationID: id, Command: string(rune('0' + i))})
	}
	if got := l.Correlation("a"); len(got) != 2 || got[0].Command != "2" || got[1].Command != "4" {
		t.Fatalf("a: %+v", got)
	}
	if got := l.Correlation("b"); len(got) != 0 {
		t.Fatalf("b should be forgotten: %+v", got)
	}
}
