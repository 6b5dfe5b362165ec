package ecs

import (
	arche "github.com/mlange-42/arche/ecs"
)

// selectedEntities returns the selected node entities in graph order.
func (s *store) selectedEntities() []arche.Entity {
	var out []arche.Entity
	for _, n := range s.doc.Graph.Nodes {
		if e, ok := s.lookup.Nodes[n.ID]; ok && s.m.selected.Has(e) && !s.m.hidden.Has(e) {
			out = append(out, e)
		}
	}
	return out
}

// clearSelection deselects everything (groups included).
func (s *store) clearSelection() {
	var was []arche.Entity
	q := s.w.Query(arche.All(s.m.selected.ID()))
	for q.Next() {
		was = append(was, q.Entity())
	}
	s.w.Batch().Remove(arche.All(s.m.selected.ID()), s.m.selected.ID())
	s.mark(was...)
}

// selectOnly makes e the whole selection.
func (s *store) selectOnly(e arche.Entity) {
	s.clearSelection()
	put(s.w, &s.m.selected, e, Selected{})
	s.mark(e)
}

// toggle flips e in or out of the selection.
func (s *store) toggle(e arche.Entity) {
	if s.m.selected.Has(e) {
		drop(s.w, &s.m.selected, e)
	} else {
		put(s.w, &s.m.selected, e, Selected{})
	}
	s.mark(e)
}

// selectIn adds every node (or group) whose box lies inside r.
func (s *store) selectIn(r Rect) {
	var hits []arche.Entity
	s.index.Query(r, func(e arche.Entity, box Rect) bool {
		if r.Contains(box.Min) && r.Contains(box.Max) {
			hits = append(hits, e)
		}
		return true
	})
	for _, e := range hits {
		put(s.w, &s.m.selected, e, Selected{})
	}
	s.mark(hits...)
}

// selectAll selects every visible node.
func (s *store) selectAll() {
	for _, e := range s.lookup.Nodes {
		if !s.m.hidden.Has(e) {
			put(s.w, &s.m.selected, e, Selected{})
		}
	}
	s.touch()
}

// selectedIDs returns the selected node IDs in graph order.
func (s *store) selectedIDs() []string {
	es := s.selectedEntities()
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = s.m.node.Get(e).ID
	}
	return out
}

// hover moves the Hovered mark to e (or nowhere).
func (s *store) hover(e arche.Entity, ok bool) {
	ok = ok && s.m.node.Has(e)
	prev := s.w.Query(arche.All(s.m.hovered.ID()))
	var old []arche.Entity
	for prev.Next() {
		old = append(old, prev.Entity())
	}
	same := (len(old) == 1 && ok && old[0] == e) || (len(old) == 0 && !ok)
	if same {
		return
	}
	for _, o := range old {
		s.w.Remove(o, s.m.hovered.ID())
	}
	if ok {
		put(s.w, &s.m.hovered, e, Hovered{})
		old = append(old, e)
	}
	s.mark(old...)
}
