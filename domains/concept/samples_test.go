package concept

import (
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
)

// build runs commands through Decide and Apply, as the harness would.
func build(t testing.TB, cmds []message.Command) *space.Space {
	t.Helper()
	s := Domain.New()
	for _, cmd := range cmds {
		drafts, err := Decide(s, cmd)
		if err != nil {
			t.Fatalf("%s %s: %v", cmd.Type, cmd.Payload, err)
		}
		for _, d := range drafts {
			s = Apply(s, ev(d.Type, d.Payload))
		}
	}
	return s
}

// Every sample builds through ordinary commands into the space it
// describes, and its items fall into the concepts it expects.
func TestSamplesSeedThroughCommands(t *testing.T) {
	samples, err := Samples()
	if err != nil || len(samples) < 2 {
		t.Fatalf("%d samples, %v", len(samples), err)
	}
	for _, sample := range samples {
		t.Run(sample.ID, func(t *testing.T) {
			cmds, err := SampleCommands(sample, sample.ID)
			if err != nil {
				t.Fatal(err)
			}
			s := build(t, cmds)
			if len(s.Dimensions) != len(sample.Dimensions) || len(s.Concepts) != len(sample.Concepts) || len(s.Items) != len(sample.Items) {
				t.Fatalf("built %d dimensions, %d concepts, %d items", len(s.Dimensions), len(s.Concepts), len(s.Items))
			}
			for item, want := range sample.Expect {
				got, err := s.Categorize(s.Items[s.Item(item)].Point, "")
				if err != nil || got.Name != want {
					t.Errorf("%s is %s (%v), want %s", item, got.Name, err, want)
				}
			}
		})
	}
}

// Contexts matter in the fruit sample: a cantaloupe tastes like a melon
// but looks like an orange.
func TestFruitContexts(t *testing.T) {
	samples, _ := Samples()
	for _, sample := range samples {
		if sample.ID != "fruit" {
			continue
		}
		cmds, _ := SampleCommands(sample, "fruit")
		s := build(t, cmds)
		cantaloupe := s.Items[s.Item("cantaloupe")].Point
		for ctx, want := range map[string]string{"cooking": "melon", "still-life": "orange"} {
			got, err := s.Categorize(cantaloupe, ctx)
			if err != nil || got.Name != want {
				t.Errorf("%s: cantaloupe is %s (%v), want %s", ctx, got.Name, err, want)
			}
		}
	}
}
