package document

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
)

// The command decoder never panics, and whatever it accepts keeps the
// document consistent once applied: distinct versions whose parents came
// before them, every CID the hash of its inline body, links once each.
func FuzzPlan(f *testing.F) {
	for _, tt := range append(accepted(), refused()...) {
		f.Add(tt.when.Type, string(tt.when.Payload))
	}
	for _, bad := range []string{``, `null`, `[]`, `{"text":null}`, `{"parents":[""],"text":"x"}`, `{"tags":["\u0000"]}`, `{"cid":"bafy"}`} {
		for _, typ := range slices.Sorted(maps.Keys(deciders)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		d := given(two...)
		if typ == "create_document" {
			d = given()
		}
		dec, err := Plan(d, message.Command{Type: typ, AggregateID: "doc-readme", Payload: []byte(payload)})
		if err != nil {
			return
		}
		for _, dr := range dec.Drafts {
			d = Apply(d, ev(dr.Type, dr.Payload))
		}
		consistent(t, d, typ+" "+payload)
	})
}

func consistent(t *testing.T, d *Document, what string) {
	t.Helper()
	for i, v := range d.Versions {
		c, err := ParseCID(v.CID)
		if err != nil || d.Version(v.CID) != &d.Versions[i] {
			t.Fatalf("%s: version %d %s repeated or not a CID (%v)", what, i, v.CID, err)
		}
		if v.Stored == Inline {
			if _, err := Body(context.Background(), nil, v); err != nil {
				t.Fatalf("%s: version %s: %v", what, c, err)
			}
		}
		for _, p := range v.Parents {
			if j := slices.IndexFunc(d.Versions, func(w Version) bool { return w.CID == p }); j < 0 || j >= i {
				t.Fatalf("%s: version %s has parent %s that is not before it", what, v.CID, p)
			}
		}
	}
	for i, l := range d.Links {
		if d.link(l) != i {
			t.Fatalf("%s: link %s twice", what, l.Key())
		}
	}
}

// The event decoder never panics on stored payloads it did not write.
func FuzzApply(f *testing.F) {
	for _, e := range two {
		f.Add(e.Type, string(e.Payload))
	}
	f.Add("version_added", `{"version":{"cid":"x","parents":[1]}}`)
	f.Add("document_unlinked", `{"graph":"g1","node":"n1"}`)
	f.Fuzz(func(t *testing.T, typ, payload string) {
		d := Apply(given(two...), message.Event{Type: typ, Payload: []byte(payload)})
		_ = d.Heads()
		_ = d.Latest()
	})
}

// Query and view arguments from the wire never make them panic.
func FuzzQueries(f *testing.F) {
	for _, seed := range [][2]string{{"get", ``}, {"get", `{"cid":"` + v1 + `"}`}, {"get", `{"cid":1}`}, {"get", `{"no_content":true}`},
		{"versions", ``}, {"links", `{"graph":"g1"}`}, {"links", `{"workflow":"w","step":"s"}`}, {"links", `{"node":"n"}`}, {"documents", `x`}} {
		f.Add(seed[0], seed[1])
	}
	cat := NewCatalog()
	for _, e := range two {
		cat.Apply(e)
	}
	views := cat.views()
	f.Fuzz(func(t *testing.T, name, args string) {
		if q, ok := queries(nil)[name]; ok {
			_, _ = q(given(two...), 3, []byte(args))
		}
		if v, ok := views[name]; ok {
			_, _ = v(context.Background(), []byte(args))
		}
	})
}

// ParseCID never panics, and what it accepts prints back as itself.
func FuzzParseCID(f *testing.F) {
	for _, s := range []string{v1, v2, "", "b", "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCID(s)
		if err != nil {
			return
		}
		if _, err := ParseCID(c.String()); err != nil {
			t.Fatalf("%q parsed as %s, which does not parse: %v", s, c, err)
		}
	})
}
