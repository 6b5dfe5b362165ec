package concept

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
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
