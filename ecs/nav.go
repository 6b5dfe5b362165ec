package ecs

import (
	"fmt"

	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
	"github.com/mlange-42/arche/generic"
)

// markRecursive sets SubgraphRef.Recursive on nodes whose graph is already
// open on the navigation path (opening one grows the path; no loop).
func (s *store) markRecursive() {
	open := map[string]bool{}
	for _, c := range s.ui.Path {
		open[c.Graph] = true
	}
	open[s.lookup.Graph] = true
	q := generic.NewFilter1[SubgraphRef]().Query(s.w)
	for q.Next() {
		r := q.Get()
		r.Recursive = open[r.GraphID]
	}
}

// openNode opens the graph a node stands for, growing the path.
func (ed *Editor) openNode(e arche.Entity) {
	r := ed.s.m.ref.Get(e)
	if r == nil {
		return
	}
	st, ok := ed.lookupGraph(r.GraphID)
	if !ok {
		ed.s.setStatus(fmt.Sprintf("graph %q is not available", r.GraphID), true)
		return
	}
	ed.saved[ed.s.lookup.Graph] = ed.s.doc
	via := ed.s.m.node.Get(e).ID
	ed.s.ui.Path = append(ed.s.ui.Path, Crumb{Graph: st.Graph.ID, Name: st.Graph.Name, Via: via})
	ed.show(st)
}

// Back returns to the enclosing graph and selects the node that was opened.
func (ed *Editor) Back() {
	path := ed.s.ui.Path
	if len(path) < 2 {
		ed.s.setStatus("already at the top graph", false)
		return
	}
	via := path[len(path)-1].Via
	st, ok := ed.lookupGraph(path[len(path)-2].Graph)
	if !ok {
		ed.s.setStatus("the enclosing graph is no longer available", true)
		return
	}
	ed.s.ui.Path = path[:len(path)-1]
	ed.show(st)
	if e, ok := ed.s.lookup.Nodes[via]; ok {
		ed.s.selectOnly(e)
		ed.s.cam.Center = ed.s.displayPos(e)
	}
}

// show loads a graph state into the world below the current path.
func (ed *Editor) show(st *change.State) {
	ed.s.ui.Edit, ed.s.ui.Find = LabelEdit{}, FindBar{}
	ed.s.loadGraph(st)
	ed.s.markRecursive()
	ed.s.cam.Reset()
	ed.fitAll()
}

// lookupGraph asks the source first (fresh state), then what was open.
func (ed *Editor) lookupGraph(id string) (*change.State, bool) {
	if ed.cfg.source != nil {
		if g, ok := ed.cfg.source(id); ok {
			return &change.State{Graph: g.Clone()}, true
		}
	}
	st, ok := ed.saved[id]
	return st, ok
}

// Breadcrumbs returns the navigation path, outermost first.
func (ed *Editor) Breadcrumbs() []Crumb { return ed.s.ui.Path }
