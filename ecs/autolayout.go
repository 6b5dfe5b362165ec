package ecs

import (
	"errors"

	"github.com/cimviz/cimviz/graph"
)

// ErrNoLayout is reported by auto-layout when no engine was configured.
var ErrNoLayout = errors.New("no layout engine configured (see WithLayout)")

// LayoutFunc computes new node positions for a graph, keyed by node ID.
// The wiring passes graph/layout here; tests pass their own.
type LayoutFunc func(g *graph.Graph) (map[string]graph.Point, error)

// WithLayout sets the auto-layout engine.
func WithLayout(f LayoutFunc) Option { return func(c *config) { c.layout = f } }

// autoLayout lays out the selection (kept around its centre) or, with
// nothing selected, the whole graph, as one apply_layout.
func (ed *Editor) autoLayout() {
	if ed.cfg.layout == nil {
		ed.s.setStatus(ErrNoLayout.Error(), true)
		return
	}
	g, partial := ed.selectionGraph(), true
	if g.NodeCount() < 2 {
		g, partial = ed.s.doc.Graph.Clone(), false
	}
	pos, err := ed.cfg.layout(g)
	if err != nil {
		ed.s.setStatus("auto-layout: "+err.Error(), true)
		return
	}
	if partial {
		keepCentre(g, pos)
	}
	ed.moveTo("auto-layout", pos)
}

// keepCentre shifts new positions so their centre is the old one.
func keepCentre(g *graph.Graph, pos map[string]graph.Point) {
	moved := make([]graph.Node, 0, len(pos))
	for _, n := range g.Nodes {
		if p, ok := pos[n.ID]; ok {
			moved = append(moved, graph.Node{Pos: p})
		}
	}
	d := centre(g.Nodes).Sub(centre(moved))
	for id, p := range pos {
		pos[id] = p.Add(d)
	}
}
