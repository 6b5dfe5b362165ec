package ecs

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// ErrNoEditor is returned by [ApplyEvent] for a world not made by [NewEditor].
var ErrNoEditor = errors.New("world has no editor resources")

// PulseSeconds is how long an entity glows after an event touched it.
const PulseSeconds = 0.6

// ApplyEvent folds one event of graph graphID into the world: it is the
// only path by which authoritative components change, used alike by the
// local service and the bridge. Events of a graph that is not open are
// ignored. An event that does not fit the open graph is an error
// (wrapping change.ErrCorrupt) and changes nothing.
func ApplyEvent(w *arche.World, graphID string, ev change.Event) error {
	s := storeOf(w)
	if s == nil {
		return ErrNoEditor
	}
	if ev = deref(ev); ev == nil {
		return fmt.Errorf("%w: nil event", change.ErrInvalid)
	}
	if graphID != s.lookup.Graph {
		return nil
	}
	next, err := change.Apply(s.doc, ev)
	if err != nil {
		return fmt.Errorf("apply %s to graph %q: %w", ev.EventType(), graphID, err)
	}
	s.doc, s.pred = next, nil
	s.project(ev)
	s.touch()
	return nil
}

// project mirrors an event (already applied to s.doc) into entities.
func (s *store) project(ev change.Event) {
	switch e := ev.(type) {
	case change.GraphCreated, change.GraphImported:
		s.loadGraph(s.doc)
	case change.GraphRenamed:
		s.renameCrumb(e.Name)
	case change.NodeAdded:
		s.pulse(s.spawnNode(e.Node))
	case change.NodeUpdated:
		s.updateNode(e.Node)
	case change.NodeMoved:
		s.moveNode(e.Node)
	case change.NodeRemoved:
		s.removeNode(e.Node)
	case change.EdgeAdded:
		s.spawnPulsedEdge(e.Edge.ID)
	case change.EdgesRemoved:
		for _, id := range e.Edges {
			s.removeEdge(id)
		}
	case change.ElementsRestored:
		s.restore(e)
	case change.SubgraphLinked:
		s.relink(e.Node)
	case change.SubgraphUnlinked:
		s.relink(e.Node)
	case change.LayoutApplied:
		for id := range e.Positions {
			s.moveNode(id)
		}
	}
}

// updateNode copies kind, label and properties from the doc.
func (s *store) updateNode(id string) {
	e, ok := s.lookup.Nodes[id]
	n, ok2 := s.doc.Graph.Node(id)
	if !ok || !ok2 {
		return
	}
	nd := s.m.node.Get(e)
	nd.Kind, nd.Props = n.Kind, n.Props
	s.m.label.Get(e).Text = n.Label
	*s.m.size.Get(e) = NodeSize(n.Kind, n.Label)
	s.reindex(e)
	s.pulse(e)
}

// moveNode commits a node's position from the doc; the ghost goes away
// unless the user is dragging the node again.
func (s *store) moveNode(id string) {
	e, ok := s.lookup.Nodes[id]
	n, ok2 := s.doc.Graph.Node(id)
	if !ok || !ok2 {
		return
	}
	s.m.pos.Get(e).P = n.Pos
	if !(s.ptr.Mode == ModeDrag && s.m.selected.Has(e)) {
		drop(s.w, &s.m.pending, e)
	}
	s.reindex(e)
	s.pulse(e)
}

func (s *store) spawnPulsedEdge(id string) {
	if ge, ok := s.doc.Graph.Edge(id); ok {
		if e, ok := s.spawnEdge(ge); ok {
			s.pulse(e)
		}
	}
}

func (s *store) restore(ev change.ElementsRestored) {
	for _, p := range ev.Nodes {
		if n, ok := s.doc.Graph.Node(p.Node.ID); ok {
			s.pulse(s.spawnNode(n))
		}
	}
	for _, p := range ev.Edges {
		s.spawnPulsedEdge(p.Edge.ID)
	}
}

func (s *store) relink(id string) {
	e, ok := s.lookup.Nodes[id]
	n, _ := s.doc.Graph.Node(id)
	if !ok {
		return
	}
	if n.Ref == "" {
		drop(s.w, &s.m.ref, e)
	} else {
		put(s.w, &s.m.ref, e, SubgraphRef{GraphID: n.Ref})
	}
	s.markRecursive()
	s.pulse(e)
}

func (s *store) pulse(e arche.Entity) {
	put(s.w, &s.m.pulse, e, Pulse{Duration: PulseSeconds})
}

func (s *store) renameCrumb(name string) {
	if n := len(s.ui.Path); n > 0 {
		s.ui.Path[n-1].Name = name
	}
}

// rollback undoes the optimistic part of a refused command.
func (s *store) rollback(cmd change.Command) {
	var ids []string
	switch c := deref(cmd).(type) {
	case change.MoveNode:
		ids = []string{c.Node}
	case change.ApplyLayout:
		for id := range c.Positions {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		if e, ok := s.lookup.Nodes[id]; ok {
			drop(s.w, &s.m.pending, e)
			s.reindex(e)
		}
	}
}

// deref turns a pointer to a command or event (*change.NodeAdded) into the
// value (change.NodeAdded), as decoders may hand either; nil and nil
// pointers give the zero T (a nil interface).
func deref[T any](x T) T {
	var zero T
	v := reflect.ValueOf(x)
	if !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil()) {
		return zero
	}
	if v.Kind() == reflect.Pointer {
		if e, ok := v.Elem().Interface().(T); ok {
			return e
		}
	}
	return x
}
