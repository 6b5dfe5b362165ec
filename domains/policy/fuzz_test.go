package policy

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/policy/rule"
)

// The command decoder never panics, and whatever it accepts keeps the
// policy consistent once applied: a known effect, a target of valid
// names, and a rule that compiles.
func FuzzDecide(f *testing.F) {
	for _, c := range accepted() {
		f.Add(c.when.Type, string(c.when.Payload))
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"rule":1}`, `{"rule":"command.type ==","effect":"deny"}`,
		`{"name":"\u0000","domain":"c","effect":"deny","rule":"true"}`, `{"domain":"c","commands":["*"]}`} {
		for _, typ := range slices.Sorted(maps.Keys(ops)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		p := given(live...)
		if typ == "define_policy" {
			p = given()
		}
		drafts, err := Decide(p, message.Command{Type: typ, Payload: []byte(payload)})
		if err != nil {
			return
		}
		for _, d := range drafts {
			p = Apply(p, ev(d.Type, d.Payload))
		}
		if !p.Effect.valid() || checkTarget(p.Target) != nil {
			t.Fatalf("%s %s accepted, policy now %+v", typ, payload, p)
		}
		if _, err := rule.Compile(p.Rule); err != nil {
			t.Fatalf("%s %s accepted a rule that does not compile: %v", typ, payload, err)
		}
	})
}

// Events that do not decode leave the book and the directory working.
func FuzzFold(f *testing.F) {
	f.Add("policy_defined", string(managersRename.Payload))
	f.Add("rule_changed", `{"rule":"not CEL ("}`)
	f.Add("policy_retargeted", `{"domain":1}`)
	f.Add("claim_granted", `{"role":"manager","scope":"s","expires":"x"}`)
	f.Fuzz(func(t *testing.T, typ, payload string) {
		b := bookOf(managersRename)
		b.Fold(message.Event{Type: typ, AggregateID: "managers-rename", Version: 2, Payload: []byte(payload)})
		d := directory()
		d.Fold(message.Event{Type: typ, AggregateID: "person-ken", Payload: []byte(payload)})
		_ = NewEnforcer(b, d).Admit(context.Background(), admission("rename", "person-ken", `{"name":"x"}`))
		_ = b.Policies()
	})
}

// A trace from the wire decodes or is refused, never panics; what decodes
// makes a valid graph.
func FuzzDecodeTrace(f *testing.F) {
	f.Add(`{"correlation_id":"c","decision":"deny","denied_by":"p","rules":[{"policy":"p","name":"n","outcome":"false","denies":true}]}`)
	f.Add(`{"correlation_id":"c","decision":"allow","rules":null}`)
	f.Add(`{"correlation_id":"","decision":"allow"}`)
	f.Add(`{"correlation_id":"c","decision":"allow","time":"never"}`)
	f.Add(`{} {}`)
	f.Fuzz(func(t *testing.T, data string) {
		tr, err := DecodeTrace([]byte(data))
		if err != nil {
			return
		}
		if err := TraceGraph(tr.CorrelationID, []Trace{tr, tr}).Validate(); err != nil {
			t.Fatalf("%s: graph %v", data, err)
		}
	})
}

// View arguments from the wire never make a view panic.
func FuzzViews(f *testing.F) {
	for _, s := range [][2]string{{"policies", ``}, {"policies", `{"domain":"counter"}`}, {"trace", `{"correlation_id":"x"}`},
		{"trace", `{}`}, {"trace_graph", `{"correlation_id":"x"}`}, {"trace_graph", `{"correlation_id":1}`}, {"get", `[]`}} {
		f.Add(s[0], s[1])
	}
	vs := views(bookOf(managersRename), NewTraceLog(4))
	f.Fuzz(func(t *testing.T, name, args string) {
		if v, ok := vs[name]; ok {
			_, _ = v(context.Background(), []byte(args))
		}
		if q, ok := queries[name]; ok {
			_, _ = q(given(live...), 1, []byte(args))
		}
	})
}
