package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
	"github.com/mlange-42/arche/generic"
)

// Lookup is a resource: the open graph's ID and its entities by graph ID.
type Lookup struct {
	Graph string
	Nodes map[string]arche.Entity
	Edges map[string]arche.Entity
}

// maps caches the generic component accessors of one world.
type maps struct {
	node     generic.Map[Node]
	label    generic.Map[Label]
	pos      generic.Map[Position]
	pending  generic.Map[Pending]
	size     generic.Map[Size]
	ref      generic.Map[SubgraphRef]
	edge     generic.Map[Edge]
	selected generic.Map[Selected]
	hovered  generic.Map[Hovered]
	pulse    generic.Map[Pulse]
	hidden   generic.Map[Hidden]
	group    generic.Map[Group]
	match    generic.Map[Match]
	run      generic.Map[StepRun]
	newNode  generic.Map4[Node, Label, Position, Size]
	newEdge  generic.Map1[Edge]
}

func newMaps(w *arche.World) *maps {
	return &maps{
		node: generic.NewMap[Node](w), label: generic.NewMap[Label](w),
		pos: generic.NewMap[Position](w), pending: generic.NewMap[Pending](w),
		size: generic.NewMap[Size](w), ref: generic.NewMap[SubgraphRef](w),
		edge: generic.NewMap[Edge](w), selected: generic.NewMap[Selected](w),
		hovered: generic.NewMap[Hovered](w), pulse: generic.NewMap[Pulse](w),
		hidden: generic.NewMap[Hidden](w), group: generic.NewMap[Group](w),
		match: generic.NewMap[Match](w), run: generic.NewMap[StepRun](w),
		newNode: generic.NewMap4[Node, Label, Position, Size](w),
		newEdge: generic.NewMap1[Edge](w),
	}
}

// spawnNode creates the entity of a graph node and indexes it.
func (s *store) spawnNode(n graph.Node) arche.Entity {
	size := NodeSize(n.Kind, n.Label)
	e := s.m.newNode.NewWith(&Node{ID: n.ID, Kind: n.Kind, Props: n.Props},
		&Label{Text: n.Label}, &Position{P: n.Pos}, &size)
	if n.Ref != "" {
		put(s.w, &s.m.ref, e, SubgraphRef{GraphID: n.Ref})
	}
	s.lookup.Nodes[n.ID] = e
	s.index.Set(e, RectAround(n.Pos, size.W, size.H))
	if s.wantSelect[n.ID] {
		delete(s.wantSelect, n.ID)
		put(s.w, &s.m.selected, e, Selected{})
	}
	return e
}

// spawnEdge creates the entity of a graph edge; it is skipped when an end
// is missing (the event stream is the judge of validity, not the view).
func (s *store) spawnEdge(ge graph.Edge) (arche.Entity, bool) {
	from, ok1 := s.lookup.Nodes[ge.From]
	to, ok2 := s.lookup.Nodes[ge.To]
	if !ok1 || !ok2 {
		return arche.Entity{}, false
	}
	e := s.w.NewEntity(s.m.edge.ID())
	*s.m.edge.Get(e) = Edge{ID: ge.ID, From: from, To: to, FromID: ge.From, ToID: ge.To,
		Label: ge.Label, Kind: ge.Kind}
	s.lookup.Edges[ge.ID] = e
	return e, true
}

// removeNode deletes a node entity. Its edges are gone already: the
// aggregate removes them in an edges_removed event before node_removed,
// and change.Apply refuses node_removed while edges touch the node.
func (s *store) removeNode(id string) {
	e, ok := s.lookup.Nodes[id]
	if !ok {
		return
	}
	delete(s.lookup.Nodes, id)
	s.index.Remove(e)
	s.w.RemoveEntity(e)
}

func (s *store) removeEdge(id string) {
	if e, ok := s.lookup.Edges[id]; ok {
		delete(s.lookup.Edges, id)
		s.w.RemoveEntity(e)
	}
}

// clearGraph removes every node, edge and group entity.
func (s *store) clearGraph() {
	for _, id := range []arche.ID{s.m.node.ID(), s.m.edge.ID(), s.m.group.ID()} {
		s.w.Batch().RemoveEntities(arche.All(id))
	}
	clear(s.lookup.Nodes)
	clear(s.lookup.Edges)
	s.index.Clear()
	s.groups = 0
}

// loadGraph replaces the world's graph with the state's.
func (s *store) loadGraph(st *change.State) {
	s.clearGraph()
	s.doc = st
	g := st.Graph
	s.lookup.Graph = g.ID
	s.lookup.Nodes = make(map[string]arche.Entity, len(g.Nodes))
	s.lookup.Edges = make(map[string]arche.Entity, len(g.Edges))
	s.index.reserve(len(g.Nodes))
	s.spawnNodes(g.Nodes)
	s.spawnEdges(g.Edges)
	s.touch()
}

// put sets component v on e, adding it when missing.
func put[T any](w *arche.World, m *generic.Map[T], e arche.Entity, v T) {
	if m.Has(e) {
		*m.Get(e) = v
		return
	}
	w.Assign(e, arche.Component{ID: m.ID(), Comp: &v})
}

// drop removes component m from e when present.
func drop[T any](w *arche.World, m *generic.Map[T], e arche.Entity) {
	if m.Has(e) {
		w.Remove(e, m.ID())
	}
}

// selectWhenAdded selects nodes as their node_added events arrive (paste).
func (ed *Editor) selectWhenAdded(nodes []graph.Node) {
	ed.s.clearSelection()
	for _, n := range nodes {
		ed.s.wantSelect[n.ID] = true
	}
}
