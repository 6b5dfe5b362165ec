package concept

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
)

// genPoint draws a point over some of the fruit space's dimensions, some
// coordinates out of range or not in the set.
func genPoint(t *rapid.T) space.Point {
	p := space.Point{}
	if rapid.Bool().Draw(t, "has sweet") {
		p["sweet"] = space.Num(rapid.Float64Range(-2, 25).Draw(t, "sweet"))
	}
	if rapid.Bool().Draw(t, "has hue") {
		p["hue"] = space.Num(rapid.Float64Range(-10, 370).Draw(t, "hue"))
	}
	if rapid.Bool().Draw(t, "has skin") {
		p["skin"] = space.Label(rapid.SampledFrom([]string{"smooth", "fuzzy", "hairy"}).Draw(t, "skin"))
	}
	if rapid.Bool().Draw(t, "has size") {
		p["size"] = space.Label(rapid.SampledFrom([]string{"S", "M"}).Draw(t, "size"))
	}
	return p
}

var names = rapid.SampledFrom([]string{"apple", "pear", "gala", "fuji"})

// genCommand draws any command, valid or not, about the fruit space.
func genCommand(t *rapid.T) message.Command {
	dim := rapid.SampledFrom([]string{"sweet", "hue", "skin", "size"}).Draw(t, "dimension")
	payloads := map[string]any{
		"add_dimension":    AddDimension{Dimension: space.Dimension{Name: dim, Kind: space.Ordinal, Levels: []string{"S", "M"}}, Default: ptr(space.Label("M"))},
		"update_dimension": UpdateDimension{Dimension: space.Dimension{Name: "sweet", Kind: space.Continuous, Max: rapid.Float64Range(1, 20).Draw(t, "max")}},
		"remove_dimension": Named{Name: dim},
		"set_weights":      SetWeights{Context: "c", Weights: map[string]float64{dim: rapid.Float64Range(-1, 3).Draw(t, "w")}},
		"add_concept":      space.Concept{Name: names.Draw(t, "name"), Prototype: genPoint(t)},
		"move_concept":     Move{Name: names.Draw(t, "name"), To: genPoint(t)},
		"remove_concept":   Named{Name: names.Draw(t, "name")},
		"add_item":         space.Item{Name: names.Draw(t, "name"), Point: genPoint(t)},
		"move_item":        Move{Name: names.Draw(t, "name"), To: genPoint(t)},
		"remove_item":      Named{Name: names.Draw(t, "name")},
	}
	typ := rapid.SampledFrom([]string{"add_dimension", "update_dimension", "remove_dimension", "set_weights", "add_concept",
		"move_concept", "remove_concept", "add_item", "move_item", "remove_item"}).Draw(t, "command")
	raw, _ := json.Marshal(payloads[typ])
	return message.Command{Type: typ, Payload: raw}
}

func ptr[T any](v T) *T { return &v }

func snapshot(s *space.Space) string { b, _ := json.Marshal(s); return string(b) }

// Over any run of commands: deciding never changes the space, what is
// accepted keeps it valid, and replaying the stored events from nothing
// rebuilds the same space.
func TestCommandsKeepTheSpaceValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, log := given(full...), append([]message.Event(nil), full...)
		for i := range rapid.IntRange(1, 30).Draw(t, "steps") {
			c := genCommand(t)
			before := snapshot(s)
			drafts, err := Decide(s, c)
			if snapshot(s) != before {
				t.Fatalf("step %d: deciding %s %s changed the space", i, c.Type, c.Payload)
			}
			if err != nil {
				continue
			}
			for _, d := range drafts {
				e := ev(d.Type, d.Payload)
				s, log = Apply(s, e), append(log, e)
			}
			if err := valid(s); err != nil {
				t.Fatalf("step %d: %s %s left an invalid space: %v", i, c.Type, c.Payload, err)
			}
		}
		if got, want := snapshot(given(log...)), snapshot(s); got != want {
			t.Fatalf("replay differs:\n%s\n%s", got, want)
		}
	})
}
