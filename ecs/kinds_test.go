package ecs

import (
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

// Round, diamond and bar kinds keep their proportions whatever their
// label; boxes grow with it.
func TestNodeSizeByKind(t *testing.T) {
	long := strings.Repeat("x", 40)
	for _, tc := range []struct {
		kind  string
		grows bool
		w, h  float64 // for kinds that do not grow
	}{{"start", false, 48, 48}, {"end", false, 48, 48}, {"decision", false, 110, 66}, {"fork", false, 120, 20},
		{"join", false, 120, 20}, {"task", true, 0, 44}, {"", true, 0, 44}, {"manual", true, 0, 44}} {
		short, wide := NodeSize(tc.kind, "ok"), NodeSize(tc.kind, long)
		switch {
		case tc.grows && (wide.W <= short.W || wide.H != tc.h):
			t.Errorf("%q: %v for a short label, %v for a long one; want it wider, %v high", tc.kind, short, wide, tc.h)
		case !tc.grows && (short != wide || short.W != tc.w || short.H != tc.h):
			t.Errorf("%q: %v for a short label, %v for a long one; want %v×%v for both", tc.kind, short, wide, tc.w, tc.h)
		}
	}
}

// Fit all shows every node and the labels under round and bar nodes in
// the part of the window the top and status bars leave free.
func TestFitAllClearsTheBars(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		g := graph.New("g", "g")
		kinds := []string{"start", "end", "decision", "fork", "task", "manual"}
		for i := range rapid.IntRange(1, 12).Draw(rt, "n") {
			_ = g.AddNode(graph.Node{ID: string(rune('a' + i)), Kind: rapid.SampledFrom(kinds).Draw(rt, "kind"),
				Label: strings.Repeat("w", rapid.IntRange(0, 30).Draw(rt, "label")),
				Pos:   graph.Point{X: float64(rapid.IntRange(-3000, 3000).Draw(rt, "x")), Y: float64(rapid.IntRange(-2000, 2000).Draw(rt, "y"))}})
		}
		ed := NewEditor(WithSize(1280, 800))
		ed.Load(g)
		ed.Run("view.fit_all")
		c, in := ed.Camera(), DefaultInsets
		for _, e := range ed.s.lookup.Nodes {
			b := ed.s.fitBox(e)
			lo, hi := c.ToScreen(b.Min), c.ToScreen(b.Max)
			if lo[0] < -1e-6 || lo[1] < in.Top-1e-6 || hi[0] > c.Width+1e-6 || hi[1] > c.Height-in.Bottom+1e-6 {
				rt.Fatalf("node %s with its label at %v..%v, outside the free part of the window", ed.s.m.node.Get(e).ID, lo, hi)
			}
		}
	})
}

// SetKind issues update_node with the new kind and the same label; the
// node's kind and size follow when the event is applied.
func TestSetKind(t *testing.T) {
	s := newSession(t, sample())
	if s.ed.SetKind("a", "") || s.ed.SetKind("nope", "start") {
		t.Fatal("SetKind issued a command for the kind the node has or for an unknown node")
	}
	if !s.ed.SetKind("a", "start") {
		t.Fatal("SetKind issued nothing")
	}
	s.svc.Pump(s.ed)
	v, _ := s.ed.Node("a")
	if v.Kind != "start" || v.Label != "A" || v.Size != NodeSize("start", "A") {
		t.Errorf("after SetKind: %+v", v)
	}
}
