package ecs

import (
	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
)

// spawnNodes creates the entities of many graph nodes at once in a world
// whose graph was just cleared (arche's batch creation: one archetype
// growth, no per-entity bookkeeping), then links subgraphs and selects
// those waiting for it.
func (s *store) spawnNodes(nodes []graph.Node) {
	if len(nodes) == 0 {
		return
	}
	q := s.m.newNode.NewBatchQ(len(nodes))
	for i := 0; q.Next(); i++ {
		n := &nodes[i]
		nd, lb, ps, sz := q.Get()
		*nd, *lb, *ps, *sz = Node{ID: n.ID, Kind: n.Kind, Props: n.Props}, Label{Text: n.Label}, Position{P: n.Pos}, NodeSize(n.Kind, n.Label)
		e := q.Entity()
		s.lookup.Nodes[n.ID] = e
		s.index.add(e, RectAround(n.Pos, sz.W, sz.H)) // the index was cleared
	}
	for i := range nodes {
		if nodes[i].Ref != "" || len(s.wantSelect) > 0 {
			s.adorn(&nodes[i], s.lookup.Nodes[nodes[i].ID])
		}
	}
}

// adorn gives a new node entity its optional components.
func (s *store) adorn(n *graph.Node, e arche.Entity) {
	if n.Ref != "" {
		put(s.w, &s.m.ref, e, SubgraphRef{GraphID: n.Ref})
	}
	if s.wantSelect[n.ID] {
		delete(s.wantSelect, n.ID)
		put(s.w, &s.m.selected, e, Selected{})
	}
}

// spawnEdges creates the entities of many graph edges at once; edges with
// a missing end are skipped (see spawnEdge).
func (s *store) spawnEdges(edges []graph.Edge) {
	type ends struct{ from, to arche.Entity }
	found := make([]ends, 0, len(edges))
	keep := make([]int, 0, len(edges))
	for i, ge := range edges {
		from, ok1 := s.lookup.Nodes[ge.From]
		to, ok2 := s.lookup.Nodes[ge.To]
		if ok1 && ok2 {
			found, keep = append(found, ends{from, to}), append(keep, i)
		}
	}
	if len(keep) == 0 {
		return
	}
	q := s.m.newEdge.NewBatchQ(len(keep))
	for i := 0; q.Next(); i++ {
		ge := &edges[keep[i]]
		*q.Get() = Edge{ID: ge.ID, From: found[i].from, To: found[i].to, FromID: ge.From, ToID: ge.To, Label: ge.Label, Kind: ge.Kind}
		s.lookup.Edges[ge.ID] = q.Entity()
	}
}
