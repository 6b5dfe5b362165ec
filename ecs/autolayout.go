package ecs

import (
	"errors"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// ErrNoLayout is reported by auto-layout when it was switched off.
var ErrNoLayout = errors.New("no layout engine configured (see WithLayout)")

// LayoutFunc computes new node positions for a graph, keyed by node ID.
type LayoutFunc func(g *graph.Graph) (map[string]graph.Point, error)

// WithLayout sets the auto-layout engine (nil switches auto-layout off).
// The default is [LayoutWith](layout.AlgoLayered).
func WithLayout(f LayoutFunc) Option { return func(c *config) { c.layout = f } }

// LayoutWith runs a graph/layout algorithm to the end.
func LayoutWith(a layout.Algorithm, opts ...layout.Option) LayoutFunc {
	return func(g *graph.Graph) (map[string]graph.Point, error) {
		l, err := layout.New(a, g, opts...)
		if err != nil {
			return nil, err
		}
		pos := layout.Run(l, 500)
		out := make(map[string]graph.Point, len(pos))
		for i, p := range pos {
			if i < len(g.Nodes) {
				out[g.Nodes[i].ID] = p
			}
		}
		return out, nil
	}
}

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
