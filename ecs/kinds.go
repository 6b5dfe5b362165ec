package ecs

import (
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// NodeSize is the extent of a node of kind showing label. Boxes grow with
// their label; round, diamond and bar kinds have their own proportions
// (their labels sit under them or fit inside), so a long label does not
// stretch them.
func NodeSize(kind, label string) Size {
	switch kind {
	case "start", "end":
		return Size{W: 48, H: 48, Shape: ShapeEllipse}
	case "decision":
		return Size{W: 110, H: 66, Shape: ShapeDiamond}
	case "fork", "join":
		return Size{W: 120, H: 20, Shape: ShapeRect}
	}
	w := 24 + 8*float64(len([]rune(label)))
	return Size{W: max(w, 96), H: 44, Shape: ShapeRound}
}

// labelBelow reports whether a node of kind shows its label under it.
func labelBelow(kind string) bool {
	switch kind {
	case "start", "end", "fork", "join":
		return true
	}
	return false
}

// Room a label under a node takes, in world units (render draws it one
// label size below the node, at most 160 wide).
const (
	labelBelowH    = 26
	labelBelowMaxW = 160
)

// fitBox is the rectangle a node and its label cover, for framing.
func (s *store) fitBox(e arche.Entity) Rect {
	b := s.box(e)
	n := s.m.node.Get(e)
	if !labelBelow(n.Kind) {
		return b
	}
	half := min(labelBelowMaxW, 8*float64(len([]rune(s.m.label.Get(e).Text)))) / 2
	c := b.Center()
	b.Max.Y += labelBelowH
	b.Min.X, b.Max.X = min(b.Min.X, c.X-half), max(b.Max.X, c.X+half)
	return b
}

// SetKind asks the service to change a node's kind (its label and
// properties stay); the node is redrawn when the event comes back. It
// reports whether a command was issued: false for an unknown node or the
// kind it already has.
func (ed *Editor) SetKind(id, kind string) bool {
	n, ok := ed.s.doc.Graph.Node(id)
	if !ok || n.Kind == kind {
		return false
	}
	return ed.issue("change kind", change.UpdateNode{Graph: ed.s.lookup.Graph, Node: n.ID,
		Kind: kind, Label: n.Label, Props: n.Props})
}
