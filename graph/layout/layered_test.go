package layout

import (
	"fmt"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

func TestLayeredEdgesPointDownOrRight(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, true)
		down := NewLayered(g).Positions()
		right := NewLayered(g, WithDirection(LeftRight)).Positions()
		for _, e := range g.Edges {
			f, to := g.NodeIndex(e.From), g.NodeIndex(e.To)
			if down[to].Y <= down[f].Y || right[to].X <= right[f].X {
				t.Fatalf("edge %s→%s: top-down %v→%v, left-right %v→%v", e.From, e.To, down[f], down[to], right[f], right[to])
			}
		}
	})
}

func TestLayeredKnownCrossings(t *testing.T) {
	cases := []struct {
		name  string
		edges []string
		want  int
	}{
		{"crossed pair", []string{"a>d", "b>c", "a>x", "b>y"}, 0},
		{"K2,2", []string{"a>c", "a>d", "b>c", "b>d"}, 1},
		{"K3,3", []string{"a>x", "a>y", "a>z", "b>x", "b>y", "b>z", "c>x", "c>y", "c>z"}, 9},
		{"long edge around a fork", []string{"s>a", "s>b", "s>c", "a>j", "b>b2", "b2>j", "c>j", "b>t", "j>t"}, 0},
		{"cycle", []string{"a>b", "b>c", "c>a", "c>d"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := NewLayered(edges(t, c.edges...))
			if got := l.Crossings(); got != c.want {
				t.Fatalf("%d crossings, want %d", got, c.want)
			}
		})
	}
}

func edges(t testing.TB, specs ...string) *graph.Graph {
	g := graph.New("g", "")
	for k, s := range specs {
		from, to := s[:1], s[2:]
		for _, id := range []string{from, to} {
			if !g.HasNode(id) {
				_ = g.AddNode(graph.Node{ID: id})
			}
		}
		if err := g.AddEdge(graph.Edge{ID: fmt.Sprint(k), From: from, To: to}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestLayeredBendsFollowLongEdges(t *testing.T) {
	g := edges(t, "a>b", "b>c", "c>d", "a>d", "d>a")
	l := NewLayered(g)
	bends, pos := l.Bends(), l.Positions()
	if len(bends[3]) != 2 || bends[0] != nil {
		t.Fatalf("bends %v: want two bends on a→d only", bends)
	}
	if !(bends[3][0].Y > pos[0].Y && bends[3][1].Y > bends[3][0].Y && pos[3].Y > bends[3][1].Y) {
		t.Fatalf("a→d bends %v do not run from a %v down to d %v", bends[3], pos[0], pos[3])
	}
	if back := bends[4]; len(back) != 2 || back[0].Y < back[1].Y {
		t.Fatalf("reversed edge d→a bends %v do not run upwards", back)
	}
}

func TestLayeredNeverMoreCrossingsThanInitialOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, false)
		s := newSugiyama(g, newConfig(nil))
		s.breakCycles()
		s.assignLayers()
		s.addDummies()
		s.initialOrder()
		before := s.crossings(0, len(s.layers)-1)
		s.reduceCrossings()
		s.assignCoordinates()
		if after := CountCrossings(s.routes()); after > before || after != s.crossings(0, len(s.layers)-1) {
			t.Fatalf("crossings %d before ordering, %d after (internal count %d)", before, after, s.crossings(0, len(s.layers)-1))
		}
	})
}
