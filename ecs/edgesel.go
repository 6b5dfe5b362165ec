package ecs

import (
	"math"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// EdgeHitPixels is how close to an edge a click selects it.
const EdgeHitPixels = 6.0

// edgeAt returns the edge nearest to w within tol world units. It scans
// every edge, which is fine for a click (not run per tick).
func (ed *Editor) edgeAt(w graph.Point, tol float64) (arche.Entity, bool) {
	best, bestD := arche.Entity{}, tol
	for v := range ed.Edges() {
		if d := segmentDistance(w, v.From.Center(), v.To.Center()); d <= bestD {
			best, bestD = v.Entity, d
		}
	}
	return best, !best.IsZero()
}

// segmentDistance is the distance from p to the segment ab.
func segmentDistance(p, a, b graph.Point) float64 {
	ab, ap := b.Sub(a), p.Sub(a)
	l2 := ab.X*ab.X + ab.Y*ab.Y
	t := 0.0
	if l2 > 0 {
		t = clamp((ap.X*ab.X+ap.Y*ab.Y)/l2, 0, 1)
	}
	d := ap.Sub(ab.Scale(t))
	return math.Hypot(d.X, d.Y)
}

// pressEdge selects an edge under the pointer, if any.
func (ed *Editor) pressEdge(w graph.Point) bool {
	e, ok := ed.edgeAt(w, EdgeHitPixels/ed.s.cam.Zoom)
	if !ok {
		return false
	}
	if ed.s.ptr.Additive {
		ed.s.toggle(e)
	} else {
		ed.s.selectOnly(e)
	}
	ed.s.ptr.Mode = ModeIdle
	return true
}

// selectedEdgeCommands removes the selected edges not already going with
// a removed node.
func (ed *Editor) selectedEdgeCommands(removed map[string]bool) []change.Command {
	var cmds []change.Command
	for _, ge := range ed.s.doc.Graph.Edges {
		e, ok := ed.s.lookup.Edges[ge.ID]
		if ok && ed.s.m.selected.Has(e) && !removed[ge.From] && !removed[ge.To] {
			cmds = append(cmds, change.RemoveEdge{Graph: ed.s.lookup.Graph, Edge: ge.ID})
		}
	}
	return cmds
}

// PulseNode makes a node glow (the event-flow view calls it when a
// workflow event passes through the node). Unknown IDs are ignored. Only
// the node is marked for redrawing, not the whole scene.
func (ed *Editor) PulseNode(id string) {
	if e, ok := ed.s.lookup.Nodes[id]; ok {
		ed.s.pulse(e)
		ed.s.mark(e)
	}
}

// PulseEdge makes an edge glow, and a dot travel along it from its source
// to its target while the glow lasts (a transition taken). Unknown IDs
// are ignored. Only the edge is marked for redrawing.
func (ed *Editor) PulseEdge(id string) {
	if e, ok := ed.s.lookup.Edges[id]; ok {
		ed.s.pulse(e)
		ed.s.mark(e)
	}
}
