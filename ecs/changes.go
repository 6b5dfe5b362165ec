package ecs

import arche "github.com/mlange-42/arche/ecs"

// Mark is how far a reader of the scene has followed [Editor.Changes].
// The zero Mark asks for everything.
type Mark struct {
	shape uint64
	n     int
}

// Changes tells a reader that copied the scene at mark what to copy
// again: everything (all true: a node or edge came or went, moved for
// good, or too much changed), or only the entities in es (nodes, edges or
// collapsed groups whose drawing changed: hover, selection, pulses,
// pending positions, the label being edited). It returns the mark to pass
// next time. es is the editor's storage: read it before the next tick.
func (ed *Editor) Changes(since Mark) (es []arche.Entity, next Mark, all bool) {
	s := ed.s
	next = Mark{shape: s.rev.Shape, n: len(s.marks)}
	if since.shape != s.rev.Shape || since.shape == 0 {
		return nil, next, true
	}
	return s.marks[since.n:], next, false
}

// NodeOf returns the view of a drawn node entity (false for anything
// else, a node folded into a group included).
func (ed *Editor) NodeOf(e arche.Entity) (NodeView, bool) {
	if !ed.world.Alive(e) || !ed.s.m.node.Has(e) || ed.s.m.hidden.Has(e) {
		return NodeView{}, false
	}
	return ed.nodeView(e), true
}

// EdgeOf returns the view of a drawn edge entity (false for anything
// else, an edge inside a collapsed group included).
func (ed *Editor) EdgeOf(e arche.Entity) (EdgeView, bool) {
	if !ed.world.Alive(e) || !ed.s.m.edge.Has(e) {
		return EdgeView{}, false
	}
	return ed.edgeView(e, ed.s.m.edge.Get(e))
}
