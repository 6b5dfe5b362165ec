package model

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"pgregory.net/rapid"
)

// Any drag of any point of either sample space, in any 2D projection,
// sends nothing while the button is held and at most one command on
// release: none for a click, else one move of that point to a point the
// space accepts, keeping its coordinates off the axes.
func TestAnyDragSendsAtMostOne(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		id := rapid.SampledFrom([]string{"colours", "fruit"}).Draw(t, "space")
		s, _ := sampleState(t, id)
		n := len(s.Space.Dimensions)
		a := rapid.IntRange(0, n-1).Draw(t, "x")
		b := rapid.IntRange(0, n-1).Filter(func(b int) bool { return b != a }).Draw(t, "y")
		s, c := sampleState(t, id, s.Space.Dimensions[a].Name, s.Space.Dimensions[b].Name)
		kind := rapid.SampledFrom([]Kind{Prototype, ItemPoint}).Draw(t, "kind")
		count := len(s.Space.Concepts)
		if kind == ItemPoint {
			count = len(s.Space.Items)
		}
		i := rapid.IntRange(0, count-1).Draw(t, "index")
		x0, y0 := screenOf(c, kind, i)
		p := c.L.Plot
		x1 := rapid.Float64Range(p.X-50, p.X+p.W+50).Draw(t, "tx")
		y1 := rapid.Float64Range(p.Y-50, p.Y+p.H+50).Draw(t, "ty")
		during, end, cmds := drag(c, x0, y0, x1, y1, rapid.IntRange(1, 12).Draw(t, "steps"))
		if during != 0 || end > 1 {
			t.Fatalf("%d commands while dragging, %d on release", during, end)
		}
		if end == 0 {
			return
		}
		checkMove(t, s, cmds[0], a, b)
	})
}

func checkMove(t *rapid.T, s *State, cmd ecsCommand, a, b int) {
	var mv concept.Move
	if err := json.Unmarshal([]byte(cmd.Payload), &mv); err != nil {
		t.Fatal(err)
	}
	sp := s.Space.Clone()
	var err error
	if cmd.Type == "move_concept" {
		err = sp.MoveConcept(mv.Name, mv.To)
	} else {
		err = sp.MoveItem(mv.Name, mv.To)
	}
	if err != nil && !errors.Is(err, space.ErrBadBound) { // only a bounded concept may leave its bounds
		t.Fatalf("the space refuses %s %+v: %v", cmd.Type, mv, err)
	}
	for k, d := range s.Space.Dimensions {
		if k == a || k == b {
			continue
		}
		var was float64
		if cmd.Type == "move_concept" {
			was, _ = d.Encode(s.Space.Concepts[s.Space.Concept(mv.Name)].Prototype[d.Name])
		} else {
			was, _ = d.Encode(s.Space.Items[s.Space.Item(mv.Name)].Point[d.Name])
		}
		now, _ := d.Encode(mv.To[d.Name])
		if math.Abs(now-was) > 1e-12 {
			t.Fatalf("%s's %s changed from %g to %g though it is not on an axis", mv.Name, d.Name, was, now)
		}
	}
}
