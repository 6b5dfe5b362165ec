package canvas

import (
	"github.com/cimviz/cimviz/ecs"
	arche "github.com/mlange-42/arche/ecs"
)

// patch redraws the marked entities in s: nodes in place (and the edges
// of those whose box changed), edges in place. It reports false when an
// entity is not one it can patch (a collapsed group, or one the scene
// does not hold): the caller copies everything then.
func (a *Adapter) patch(ed *ecs.Editor, s *Scene, es []arche.Entity) bool {
	edit := ed.UI().Edit
	moved := false
	for _, e := range es {
		if v, ok := ed.NodeOf(e); ok {
			i := a.nodeAt(e)
			if i < 0 {
				return false
			}
			n, old := sceneNode(v, edit), s.Nodes[i]
			s.Nodes[i] = n
			if old.X != n.X || old.Y != n.Y || old.W != n.W || old.H != n.H || old.Shape != n.Shape {
				a.reattach(s, i)
				moved = true
			}
			continue
		}
		if !a.patchEdge(ed, s, e) {
			return false
		}
	}
	a.mini.stale = a.mini.stale || moved
	a.recountSelected(ed, s)
	return true
}

// reattach recomputes the ends of every edge at scene node i.
func (a *Adapter) reattach(s *Scene, i int32) {
	for _, k := range a.inc.of(i) {
		if n := a.ends[k][0]; n >= 0 {
			s.Edges[k].A = EndOf(&s.Nodes[n])
		}
		if n := a.ends[k][1]; n >= 0 {
			s.Edges[k].B = EndOf(&s.Nodes[n])
		}
	}
}

// patchEdge redraws edge entity e (its flags, pulse and label).
func (a *Adapter) patchEdge(ed *ecs.Editor, s *Scene, e arche.Entity) bool {
	v, ok := ed.EdgeOf(e)
	k := lookup(a.eslot, a.edgeEnt, e)
	if !ok || k < 0 {
		return false
	}
	was := s.Edges[k].Flags&EdgeSelected != 0
	bend := s.Edges[k].Bend
	s.Edges[k] = a.sceneEdge(s, v, a.ends[k][0], a.ends[k][1])
	s.Edges[k].Bend = bend
	switch {
	case v.Selected && !was:
		a.selEdge, a.selEdges = v, a.selEdges+1
	case !v.Selected && was:
		a.selEdges--
	}
	return true
}

// recountSelected finds the one selected edge again when the one the
// inspector knew was deselected while another stayed selected.
func (a *Adapter) recountSelected(ed *ecs.Editor, s *Scene) {
	if a.selEdges != 1 {
		return
	}
	if k := lookup(a.eslot, a.edgeEnt, a.selEdge.Entity); k >= 0 && s.Edges[k].Flags&EdgeSelected != 0 {
		return
	}
	for k := range s.Edges {
		if s.Edges[k].Flags&EdgeSelected != 0 {
			a.selEdge, _ = ed.EdgeOf(a.edgeEnt[k])
			return
		}
	}
}

// incidence lists the scene edges at each scene node, in compressed rows.
type incidence struct {
	start []int32
	edges []int32
}

// index lays out the edges at every node (both ends).
func (c *incidence) index(ends [][2]int32, nodes int) {
	c.start = grow(c.start, nodes+2)
	for _, e := range ends {
		for _, n := range e {
			if n >= 0 {
				c.start[n+2]++
			}
		}
		if e[0] == e[1] && e[0] >= 0 {
			c.start[e[0]+2]-- // a loop is listed once
		}
	}
	for i := 2; i < len(c.start); i++ {
		c.start[i] += c.start[i-1]
	}
	c.edges = grow(c.edges, int(c.start[len(c.start)-1]))
	for k, e := range ends {
		for j, n := range e {
			if n >= 0 && (j == 0 || e[1] != e[0]) {
				c.edges[c.start[n+1]] = int32(k)
				c.start[n+1]++
			}
		}
	}
}

// of returns the scene edges at node i.
func (c *incidence) of(i int32) []int32 { return c.edges[c.start[i]:c.start[i+1]] }
