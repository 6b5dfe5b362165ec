package identity

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
)

// The command decoder never panics, and whatever it accepts keeps the
// principal consistent once applied: a known kind and state, no duplicate
// claim or credential.
func FuzzDecide(f *testing.F) {
	for _, c := range Seed([]string{"person-ada"}) {
		f.Add(c.Type, string(c.Payload))
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"kind":1}`, `{"role":"r","scope":"s","expires":"2030-13-01T00:00:00Z"}`,
		`{"kind":"oidc","reference":"` + "\u00ff\u2028" + `"}`, `{"role":"approver","scope":"unit:sales"}`} {
		for _, typ := range slices.Sorted(maps.Keys(rules)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		p := given(live...)
		drafts, err := Decide(p, message.Command{Type: typ, Payload: []byte(payload)})
		if err != nil {
			return
		}
		for _, d := range drafts {
			p = Apply(p, ev(d.Type, d.Payload))
		}
		if !p.Kind.valid() || (p.State != Unverified && p.State != Verified && p.State != Revoked) {
			t.Fatalf("%s %s accepted, principal now %+v", typ, payload, p)
		}
		for i, c := range p.Claims {
			if p.claim(c.Role, c.Scope) != i {
				t.Fatalf("%s %s accepted, duplicate claim %+v", typ, payload, c)
			}
		}
		for i, c := range p.Credentials {
			if p.credential(c) != i {
				t.Fatalf("%s %s accepted, duplicate credential %+v", typ, payload, c)
			}
		}
	})
}

// Query arguments from the wire never make a query panic.
func FuzzQueries(f *testing.F) {
	for _, seed := range [][2]string{{"get", ``}, {"active_claims", `{"at":"2030-01-01T00:00:00Z"}`}, {"active_claims", `{"at":1}`},
		{"has_claim", `{"role":"approver","scope":"unit:sales"}`}, {"has_claim", `{"role":[]}`}, {"has_claim", `{} x`}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, name, args string) {
		q, ok := queries[name]
		if !ok {
			return
		}
		_, _ = q(given(live...), 3, []byte(args))
	})
}
