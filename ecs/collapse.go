package ecs

import (
	"fmt"

	arche "github.com/mlange-42/arche/ecs"
)

// Size of a collapsed group's box in world units.
const groupW, groupH = 160.0, 64.0

func groupBox(g *Group) Rect { return RectAround(g.P, groupW, groupH) }

// collapse folds the selected nodes into one presentation-only box placed
// at their centre. Edges to the outside are drawn to the box.
func (s *store) collapse() {
	members := s.selectedEntities()
	if len(members) < 2 {
		s.setStatus("select two or more nodes to collapse", false)
		return
	}
	var b Bounds
	for _, e := range members {
		b.Add(RectAround(s.displayPos(e), 1, 1))
	}
	g := s.w.NewEntity(s.m.group.ID())
	*s.m.group.Get(g) = Group{Members: members, P: b.R.Center(), Label: fmt.Sprintf("%d nodes", len(members))}
	for _, e := range members {
		drop(s.w, &s.m.selected, e)
		put(s.w, &s.m.hidden, e, Hidden{By: g})
		s.index.Remove(e)
	}
	s.index.Set(g, groupBox(s.m.group.Get(g)))
	s.groups++
	put(s.w, &s.m.selected, g, Selected{})
	s.touch()
}

// expand opens every selected group again.
func (s *store) expand() {
	for _, g := range s.selectedGroups() {
		for _, e := range s.m.group.Get(g).Members {
			if s.w.Alive(e) {
				drop(s.w, &s.m.hidden, e)
				put(s.w, &s.m.selected, e, Selected{})
				s.reindex(e)
			}
		}
		s.index.Remove(g)
		s.w.RemoveEntity(g)
		s.groups--
	}
	s.touch()
}

func (s *store) selectedGroups() []arche.Entity {
	var out []arche.Entity
	q := s.w.Query(arche.All(s.m.group.ID(), s.m.selected.ID()))
	for q.Next() {
		out = append(out, q.Entity())
	}
	return out
}

// GroupView is a collapsed box for render.
type GroupView struct {
	Entity   arche.Entity
	Label    string
	Box      Rect
	Members  int
	Selected bool
}

// Groups returns the collapsed boxes.
func (ed *Editor) Groups() []GroupView {
	var out []GroupView
	q := ed.world.Query(arche.All(ed.s.m.group.ID()))
	for q.Next() {
		g := (*Group)(q.Get(ed.s.m.group.ID()))
		out = append(out, GroupView{Entity: q.Entity(), Label: g.Label, Box: groupBox(g),
			Members: len(g.Members), Selected: ed.s.m.selected.Has(q.Entity())})
	}
	return out
}
