package change

import (
	"fmt"
	"maps"

	"github.com/cimviz/cimviz/graph"
)

// inverter is implemented by every command: the command that undoes it,
// read from the state before it runs.
type inverter interface {
	inverse(s *State) (Command, error)
}

// Inverse returns the command that undoes cmd, computed from s, the state
// of cmd's graph when cmd is issued (before it is applied). The editor
// records it with cmd and sends it to undo. Creating or importing a graph
// is undone by archiving it, since events are never deleted. Restoring elements has an inverse only when it restores one
// node with its own edges, or one edge (the undo of a removal).
func Inverse(s *State, cmd Command) (Command, error) {
	cmd, _ = deref(cmd).(Command)
	inv, ok := cmd.(inverter)
	if !ok {
		return nil, fmt.Errorf("%w: unsupported command %T", ErrInvalid, cmd)
	}
	switch cmd.(type) {
	case CreateGraph, ImportGraph:
	default:
		if !s.Exists() {
			return nil, fmt.Errorf("%w: graph %q", ErrNotFound, cmd.Target())
		}
	}
	return inv.inverse(s)
}

func (c CreateGraph) inverse(*State) (Command, error) { return ArchiveGraph{Graph: c.Graph}, nil }

func (c RenameGraph) inverse(s *State) (Command, error) {
	return RenameGraph{Graph: c.Graph, Name: s.Graph.Name}, nil
}

func (c ArchiveGraph) inverse(*State) (Command, error) { return UnarchiveGraph(c), nil }

func (c UnarchiveGraph) inverse(*State) (Command, error) { return ArchiveGraph(c), nil }

func (c ImportGraph) inverse(*State) (Command, error) { return ArchiveGraph{Graph: c.Graph}, nil }

func (c ReplaceGraph) inverse(s *State) (Command, error) {
	g := s.Graph.Clone()
	return ReplaceGraph{Graph: c.Graph, Name: g.Name, Nodes: g.Nodes, Edges: g.Edges, Attrs: g.Attrs}, nil
}

func (c AddNode) inverse(*State) (Command, error) {
	return RemoveNode{Graph: c.Graph, Node: c.Node.ID}, nil
}

func (c UpdateNode) inverse(s *State) (Command, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	return UpdateNode{Graph: c.Graph, Node: n.ID, Kind: n.Kind, Label: n.Label, Props: cleanProps(n.Props)}, nil
}

func (c MoveNode) inverse(s *State) (Command, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	return MoveNode{Graph: c.Graph, Node: n.ID, Pos: n.Pos}, nil
}

func (c RemoveNode) inverse(s *State) (Command, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	n.Props = cleanProps(n.Props)
	at := s.Graph.NodeIndex(n.ID)
	return RestoreElements{Graph: c.Graph, Nodes: []PlacedNode{{Node: n, At: at}}, Edges: s.touching(n.ID)}, nil
}

func (c AddEdge) inverse(*State) (Command, error) {
	return RemoveEdge{Graph: c.Graph, Edge: c.Edge.ID}, nil
}

func (c RemoveEdge) inverse(s *State) (Command, error) {
	e, err := s.edge(c.Edge)
	if err != nil {
		return nil, err
	}
	at := edgeIndex(s.Graph, e.ID)
	return RestoreElements{Graph: c.Graph, Edges: []PlacedEdge{{Edge: e, At: at}}}, nil
}

func edgeIndex(g *graph.Graph, id string) int {
	for i, e := range g.Edges {
		if e.ID == id {
			return i
		}
	}
	return -1
}

func (c RestoreElements) inverse(*State) (Command, error) {
	if len(c.Nodes) == 0 && len(c.Edges) == 1 {
		return RemoveEdge{Graph: c.Graph, Edge: c.Edges[0].Edge.ID}, nil
	}
	if len(c.Nodes) == 1 && c.onlyTouching(c.Nodes[0].Node.ID) {
		return RemoveNode{Graph: c.Graph, Node: c.Nodes[0].Node.ID}, nil
	}
	return nil, fmt.Errorf("%w: no single command undoes restoring %d nodes and %d edges", ErrInvalid, len(c.Nodes), len(c.Edges))
}

func (c RestoreElements) onlyTouching(id string) bool {
	for _, p := range c.Edges {
		if p.Edge.From != id && p.Edge.To != id {
			return false
		}
	}
	return true
}

func (c LinkSubgraph) inverse(s *State) (Command, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	if n.Ref == "" {
		return UnlinkSubgraph{Graph: c.Graph, Node: n.ID}, nil
	}
	return LinkSubgraph{Graph: c.Graph, Node: n.ID, Ref: n.Ref}, nil
}

func (c UnlinkSubgraph) inverse(s *State) (Command, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	return LinkSubgraph{Graph: c.Graph, Node: n.ID, Ref: n.Ref}, nil
}

func (c ApplyLayout) inverse(s *State) (Command, error) {
	old := make(map[string]graph.Point, len(c.Positions))
	for id := range maps.Keys(c.Positions) {
		n, err := s.node(id)
		if err != nil {
			return nil, err
		}
		old[id] = n.Pos
	}
	return ApplyLayout{Graph: c.Graph, Positions: old}, nil
}
