package ecs

import (
	"iter"

	arche "github.com/mlange-42/arche/ecs"
)

// AllNodes yields every drawn node (hidden ones skipped) in storage
// order, reading the components straight from one query: the cheap way
// to copy a whole graph (render does it only when [Editor.SceneRevision]
// changed).
func (ed *Editor) AllNodes() iter.Seq[NodeView] {
	return func(yield func(NodeView) bool) {
		m := ed.s.m
		f := arche.All(m.node.ID(), m.label.ID(), m.pos.ID(), m.size.ID()).Without(m.hidden.ID())
		q := ed.world.Query(&f)
		cur := ed.currentMatch()
		for q.Next() {
			if !yield(ed.queryView(&q, cur)) {
				q.Close()
				return
			}
		}
	}
}

// queryView is nodeView for the entity a query stands on.
func (ed *Editor) queryView(q *arche.Query, current string) NodeView {
	m := ed.s.m
	n := (*Node)(q.Get(m.node.ID()))
	v := NodeView{Entity: q.Entity(), ID: n.ID, Kind: n.Kind, Label: (*Label)(q.Get(m.label.ID())).Text,
		Committed: (*Position)(q.Get(m.pos.ID())).P, Size: *(*Size)(q.Get(m.size.ID())),
		Selected: q.Has(m.selected.ID()), Hovered: q.Has(m.hovered.ID()), Match: q.Has(m.match.ID())}
	v.Pos, v.Ghost = v.Committed, q.Has(m.pending.ID())
	if v.Ghost {
		v.Pos = (*Pending)(q.Get(m.pending.ID())).P
	}
	if q.Has(m.ref.ID()) {
		r := (*SubgraphRef)(q.Get(m.ref.ID()))
		v.Ref, v.Recursive = r.GraphID, r.Recursive
	}
	if q.Has(m.pulse.ID()) {
		v.Pulse = pulseLeft((*Pulse)(q.Get(m.pulse.ID())))
	}
	if q.Has(m.run.ID()) {
		v.Run = *(*StepRun)(q.Get(m.run.ID()))
	}
	v.Current = v.Match && current == n.ID
	v.Editing = ed.s.ui.Edit.Active && ed.s.ui.Edit.Node == n.ID
	return v
}

// SelectedNode returns how many nodes are selected and, when exactly one
// is, its view; it costs the selection's size, not the graph's.
func (ed *Editor) SelectedNode() (int, NodeView) {
	m := ed.s.m
	f := arche.All(m.node.ID(), m.selected.ID()).Without(m.hidden.ID())
	q := ed.world.Query(&f)
	n, last := 0, arche.Entity{}
	for q.Next() {
		n, last = n+1, q.Entity()
	}
	if n != 1 {
		return n, NodeView{}
	}
	return 1, ed.nodeView(last)
}
