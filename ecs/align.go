package ecs

import (
	"cmp"
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// Alignment names an edge or centre line to align boxes on.
type Alignment uint8

// Alignments.
const (
	AlignLeft Alignment = iota
	AlignCenter
	AlignRight
	AlignTop
	AlignMiddle
	AlignBottom
)

// Placed is a node's box for align and distribute.
type Placed struct {
	ID  string
	Box Rect
}

// AlignBoxes returns the new centre of each box so that all share the
// chosen edge or centre line of their bounding box.
func AlignBoxes(boxes []Placed, how Alignment) map[string]graph.Point {
	var b Bounds
	for _, p := range boxes {
		b.Add(p.Box)
	}
	out := make(map[string]graph.Point, len(boxes))
	for _, p := range boxes {
		out[p.ID] = alignOne(p.Box, b.R, how)
	}
	return out
}

func alignOne(r, all Rect, how Alignment) graph.Point {
	c := r.Center()
	switch how {
	case AlignLeft:
		c.X = all.Min.X + r.W()/2
	case AlignCenter:
		c.X = all.Center().X
	case AlignRight:
		c.X = all.Max.X - r.W()/2
	case AlignTop:
		c.Y = all.Min.Y + r.H()/2
	case AlignMiddle:
		c.Y = all.Center().Y
	case AlignBottom:
		c.Y = all.Max.Y - r.H()/2
	}
	return c
}

// DistributeBoxes spaces the centres evenly between the first and the
// last box along x (horizontal) or y, keeping their order.
func DistributeBoxes(boxes []Placed, horizontal bool) map[string]graph.Point {
	axis := func(p Placed) float64 { return p.Box.Center().Y }
	if horizontal {
		axis = func(p Placed) float64 { return p.Box.Center().X }
	}
	s := slices.SortedStableFunc(slices.Values(boxes), func(a, b Placed) int { return cmp.Compare(axis(a), axis(b)) })
	out := make(map[string]graph.Point, len(s))
	if len(s) < 3 {
		return out
	}
	lo, step := axis(s[0]), (axis(s[len(s)-1])-axis(s[0]))/float64(len(s)-1)
	for i, p := range s {
		c := p.Box.Center()
		if horizontal {
			c.X = lo + step*float64(i)
		} else {
			c.Y = lo + step*float64(i)
		}
		out[p.ID] = c
	}
	return out
}

// selectedBoxes returns the selected nodes' drawn boxes.
func (ed *Editor) selectedBoxes() []Placed {
	es := ed.s.selectedEntities()
	out := make([]Placed, len(es))
	for i, e := range es {
		out[i] = Placed{ID: ed.s.m.node.Get(e).ID, Box: ed.s.box(e)}
	}
	return out
}

func (ed *Editor) align(how Alignment) {
	if boxes := ed.selectedBoxes(); len(boxes) >= 2 {
		ed.moveTo("align", AlignBoxes(boxes, how))
	}
}

func (ed *Editor) distribute(horizontal bool) {
	ed.moveTo("distribute", DistributeBoxes(ed.selectedBoxes(), horizontal))
}

// moveTo shows new positions as ghosts and issues them as one step;
// positions equal to the committed ones are left out.
func (ed *Editor) moveTo(label string, pos map[string]graph.Point) {
	for id, p := range pos {
		if n, ok := ed.s.doc.Graph.Node(id); ok && n.Pos == p {
			delete(pos, id)
		}
	}
	ed.setPending(pos)
	ed.issueMoves(label, pos)
}
