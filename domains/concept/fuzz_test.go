package concept

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// valid checks the space's invariant: every prototype and item is a valid
// point, and every prototype lies within its bounds.
func valid(s *space.Space) error {
	for _, c := range s.Concepts {
		x, err := s.Encode(c.Prototype)
		if err != nil {
			return err
		}
		if !s.InBounds(c, x) {
			return space.ErrBadBound
		}
	}
	for _, it := range s.Items {
		if _, err := s.Encode(it.Point); err != nil {
			return err
		}
	}
	return nil
}

// The command decoder never panics, and whatever it accepts keeps the
// space valid once applied. The seed corpus (the samples' commands and
// some malformed ones) runs in the normal test suite.
func FuzzDecide(f *testing.F) {
	samples, err := Samples()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range samples {
		cmds, _ := SampleCommands(s, s.ID)
		for _, c := range cmds {
			f.Add(c.Type, string(c.Payload))
		}
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"name":1}`, `{"dimension":{"kind":"circular","period":-1}}`,
		`{"name":"x","point":{"sweet":1e999}}`, `{"name":"x","to":{"hue":"red"}}`, `{"context":"c","weights":{"taste":1e308}}`} {
		for _, typ := range slices.Sorted(maps.Keys(rules)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		s := given(full...)
		drafts, err := Decide(s, message.Command{Type: typ, Payload: []byte(payload)})
		if err != nil {
			return
		}
		for _, d := range drafts {
			s = Apply(s, ev(d.Type, d.Payload))
		}
		if err := valid(s); err != nil {
			t.Fatalf("%s %s accepted, space now invalid: %v", typ, payload, err)
		}
	})
}

// Query arguments from the wire never make a query panic; a refusal is
// always a 400.
func FuzzQueries(f *testing.F) {
	for _, seed := range [][2]string{
		{"categorize", `{"point":{"hue":10,"saturation":0.9,"brightness":0.85}}`}, {"categorize", `{"point":"sky","context":"dim-light"}`},
		{"knn", `{"point":"red","k":3}`}, {"knn", `{"point":{},"k":-1}`}, {"members", `{"concept":"grey"}`},
		{"distance", `{"a":"red","b":{"hue":1e308}}`}, {"betweenness", `{"a":"red","b":"pink","c":"white","tolerance":1e-3}`},
		{"get", ``}, {"distance", `{"a":null,"b":[]}`}, {"members", `{"concept":"grey"} junk`},
	} {
		f.Add(seed[0], seed[1])
	}
	samples, err := Samples()
	if err != nil {
		f.Fatal(err)
	}
	cmds, _ := SampleCommands(samples[0], "fuzz")
	s := build(f, cmds) // queries only read it
	f.Fuzz(func(t *testing.T, name, args string) {
		q, ok := Domain.Queries[name]
		if !ok {
			return
		}
		if _, err := q(s, 1, []byte(args)); err != nil && service.Code(err) != 400 {
			t.Fatalf("%s %s: %v is not a 400", name, args, err)
		}
	})
}
