package ecs

import (
	"slices"
	"testing"

	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
	"pgregory.net/rapid"
)

// TestSpatialIndexMatchesBruteForce: after any sequence of sets and
// removes, queries and hit tests agree with scanning every box.
func TestSpatialIndexMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := arche.NewWorld()
		ents := make([]arche.Entity, 12)
		for i := range ents {
			ents[i] = w.NewEntity()
		}
		idx := NewSpatialIndex(rapid.Float64Range(10, 300).Draw(t, "cell"))
		truth := map[arche.Entity]Rect{}
		coord := rapid.Float64Range(-1000, 1000)
		for range rapid.IntRange(0, 60).Draw(t, "ops") {
			e := ents[rapid.IntRange(0, len(ents)-1).Draw(t, "e")]
			if rapid.Bool().Draw(t, "remove") {
				idx.Remove(e)
				delete(truth, e)
				continue
			}
			c := graph.Point{X: coord.Draw(t, "x"), Y: coord.Draw(t, "y")}
			r := RectAround(c, rapid.Float64Range(1, 200).Draw(t, "w"), rapid.Float64Range(1, 80).Draw(t, "h"))
			idx.Set(e, r)
			truth[e] = r
		}
		q := RectFrom(graph.Point{X: coord.Draw(t, "qx1"), Y: coord.Draw(t, "qy1")},
			graph.Point{X: coord.Draw(t, "qx2"), Y: coord.Draw(t, "qy2")})
		var got, want []int
		idx.Query(q, func(e arche.Entity, _ Rect) bool { got = append(got, int(e.ID())); return true })
		for e, r := range truth {
			if r.Overlaps(q) {
				want = append(want, int(e.ID()))
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) || idx.Len() != len(truth) {
			t.Fatalf("query %v: got %v want %v (len %d vs %d)", q, got, want, idx.Len(), len(truth))
		}
		p := q.Min
		hit, ok := idx.At(p)
		if ok != slices.ContainsFunc(mapsValues(truth), func(r Rect) bool { return r.Contains(p) }) {
			t.Fatalf("At(%v) = %v, %v disagrees with the boxes", p, hit, ok)
		}
		if ok && !truth[hit].Contains(p) {
			t.Fatalf("At(%v) returned %v whose box %v misses the point", p, hit, truth[hit])
		}
	})
}

func mapsValues(m map[arche.Entity]Rect) []Rect {
	out := make([]Rect, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	return out
}
