package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// store is the editor's private resource: everything the systems share,
// reachable from the world alone (so [ApplyEvent] needs only the world).
type store struct {
	w        *arche.World
	m        *maps
	lookup   *Lookup
	index    *SpatialIndex
	doc      *change.State // authoritative mirror of the open graph
	rev      *Revision
	cam      *Camera
	clock    *Clock
	grid     *Grid
	status   *Status
	ptr      *Pointer
	ui       *UI
	input    Input
	groups   int              // collapsed groups alive (0: skip hidden checks)
	inflight []change.Command // sent and not yet answered, oldest first
	marks    []arche.Entity   // entities redrawn since the last touch
	pred     *change.State    // doc with inflight applied; nil: rebuild
	// wantSelect holds IDs of nodes to select when they are added.
	wantSelect map[string]bool
}

// touch marks the view as changed, nodes and edges included: render
// copies the whole scene again.
func (s *store) touch() {
	s.rev.N++
	s.rev.Scene++
	s.rev.Shape++
	s.marks = s.marks[:0]
}

// maxMarks bounds the log of marked entities; past it a mark is a touch.
const maxMarks = 4096

// mark records that only es changed how they are drawn (hover, selection,
// a pulse, a pending position), so render redraws just them.
func (s *store) mark(es ...arche.Entity) {
	if len(s.marks)+len(es) > maxMarks {
		s.touch()
		return
	}
	s.rev.N++
	s.rev.Scene++
	s.marks = append(s.marks, es...)
}

// touchView marks the view as changed while every node and edge drawn is
// as it was (the camera moved, the window or the grid changed), so render
// may keep its copy of them.
func (s *store) touchView() { s.rev.N++ }

// setStatus shows a message in the status bar.
func (s *store) setStatus(msg string, isErr bool) {
	*s.status = Status{Message: msg, IsError: isErr, Since: s.clock.Now, Pending: s.status.Pending}
	s.touch()
}

// newStore adds the resources to w and returns the store that holds them.
func newStore(w *arche.World, width, height float64) *store {
	s := &store{w: w, m: newMaps(w),
		lookup: &Lookup{Nodes: map[string]arche.Entity{}, Edges: map[string]arche.Entity{}},
		index:  NewSpatialIndex(DefaultCell), doc: &change.State{Graph: graph.New("", "")},
		rev: &Revision{N: 1}, clock: &Clock{}, status: &Status{}, ptr: &Pointer{},
		grid: &Grid{Step: 20, Show: true}, ui: &UI{}, wantSelect: map[string]bool{}}
	cam := NewCamera(width, height)
	s.cam = &cam
	theme := DefaultTheme()
	arche.AddResource(w, s)
	arche.AddResource(w, s.lookup)
	arche.AddResource(w, s.index)
	arche.AddResource(w, s.rev)
	arche.AddResource(w, s.cam)
	arche.AddResource(w, s.clock)
	arche.AddResource(w, s.grid)
	arche.AddResource(w, s.status)
	arche.AddResource(w, s.ptr)
	arche.AddResource(w, s.ui)
	arche.AddResource(w, &theme)
	return s
}

// storeOf returns the store of a world made by [NewEditor], or nil.
func storeOf(w *arche.World) *store {
	if !w.Resources().Has(arche.ResourceID[store](w)) {
		return nil
	}
	return arche.GetResource[store](w)
}

// displayPos is where a node is drawn: its pending position if any.
func (s *store) displayPos(e arche.Entity) graph.Point {
	if p := s.m.pending.Get(e); p != nil {
		return p.P
	}
	return s.m.pos.Get(e).P
}

// reindex puts a node's current box into the spatial index.
func (s *store) reindex(e arche.Entity) {
	if s.m.hidden.Has(e) {
		return
	}
	sz := s.m.size.Get(e)
	s.index.Set(e, RectAround(s.displayPos(e), sz.W, sz.H))
}
