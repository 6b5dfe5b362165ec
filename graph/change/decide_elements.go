package change

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
)

func (c AddNode) decide(s *State, known Known) ([]Event, error) {
	if err := s.checkNewNode(known, c.Node); err != nil {
		return nil, err
	}
	return []Event{NodeAdded{Node: c.Node}}, nil
}

// checkNewNode refuses a node that could not be added: empty or taken ID,
// position not finite, link to an unknown graph.
func (s *State) checkNewNode(known Known, n graph.Node) error {
	if n.ID == "" {
		return fmt.Errorf("%w: node with empty id", ErrInvalid)
	}
	if s.Graph.HasNode(n.ID) {
		return fmt.Errorf("%w: node %q in graph %q", ErrDuplicate, n.ID, s.Graph.ID)
	}
	if err := checkPoint("node "+n.ID, n.Pos); err != nil {
		return err
	}
	return s.checkRef(known, n)
}

func (c UpdateNode) decide(s *State, _ Known) ([]Event, error) {
	if _, err := s.node(c.Node); err != nil {
		return nil, err
	}
	return []Event{NodeUpdated{Node: c.Node, Kind: c.Kind, Label: c.Label, Props: c.Props}}, nil
}

func (c MoveNode) decide(s *State, _ Known) ([]Event, error) {
	if _, err := s.node(c.Node); err != nil {
		return nil, err
	}
	if err := checkPoint("node "+c.Node, c.Pos); err != nil {
		return nil, err
	}
	return []Event{NodeMoved{Node: c.Node, Pos: c.Pos}}, nil
}

func (c RemoveNode) decide(s *State, _ Known) ([]Event, error) {
	if _, err := s.node(c.Node); err != nil {
		return nil, err
	}
	var out []Event
	if edges := s.touching(c.Node); len(edges) > 0 {
		ids := make([]string, len(edges))
		for i, e := range edges {
			ids[i] = e.Edge.ID
		}
		out = append(out, EdgesRemoved{Edges: ids})
	}
	return append(out, NodeRemoved{Node: c.Node}), nil
}

func (c AddEdge) decide(s *State, _ Known) ([]Event, error) {
	if err := s.checkNewEdge(c.Edge, nil); err != nil {
		return nil, err
	}
	return []Event{EdgeAdded{Edge: c.Edge}}, nil
}

// checkNewEdge refuses an edge with an empty or taken ID or a missing end;
// ends may also be among the nodes being restored with it.
func (s *State) checkNewEdge(e graph.Edge, restored map[string]bool) error {
	if e.ID == "" {
		return fmt.Errorf("%w: edge with empty id", ErrInvalid)
	}
	if _, dup := s.Graph.Edge(e.ID); dup {
		return fmt.Errorf("%w: edge %q in graph %q", ErrDuplicate, e.ID, s.Graph.ID)
	}
	for _, end := range []string{e.From, e.To} {
		if !s.Graph.HasNode(end) && !restored[end] {
			return fmt.Errorf("%w: edge %q: node %q in graph %q", ErrNotFound, e.ID, end, s.Graph.ID)
		}
	}
	return nil
}

func (c RemoveEdge) decide(s *State, _ Known) ([]Event, error) {
	if _, err := s.edge(c.Edge); err != nil {
		return nil, err
	}
	return []Event{EdgesRemoved{Edges: []string{c.Edge}}}, nil
}

func (c RestoreElements) decide(s *State, known Known) ([]Event, error) {
	if len(c.Nodes)+len(c.Edges) == 0 {
		return nil, fmt.Errorf("%w: nothing to restore", ErrInvalid)
	}
	restored, err := s.checkRestoredNodes(known, c.Nodes)
	if err != nil {
		return nil, err
	}
	if err := s.checkRestoredEdges(c.Edges, restored); err != nil {
		return nil, err
	}
	return []Event{ElementsRestored{Nodes: c.Nodes, Edges: c.Edges}}, nil
}

func (s *State) checkRestoredNodes(known Known, nodes []PlacedNode) (map[string]bool, error) {
	seen := make(map[string]bool, len(nodes))
	for _, p := range nodes {
		if err := s.checkNewNode(known, p.Node); err != nil {
			return nil, err
		}
		if seen[p.Node.ID] {
			return nil, fmt.Errorf("%w: node %q restored twice", ErrDuplicate, p.Node.ID)
		}
		if p.At < 0 {
			return nil, fmt.Errorf("%w: node %q at index %d", ErrInvalid, p.Node.ID, p.At)
		}
		seen[p.Node.ID] = true
	}
	return seen, nil
}

func (s *State) checkRestoredEdges(edges []PlacedEdge, restored map[string]bool) error {
	seen := make(map[string]bool, len(edges))
	for _, p := range edges {
		if err := s.checkNewEdge(p.Edge, restored); err != nil {
			return err
		}
		if seen[p.Edge.ID] {
			return fmt.Errorf("%w: edge %q restored twice", ErrDuplicate, p.Edge.ID)
		}
		if p.At < 0 {
			return fmt.Errorf("%w: edge %q at index %d", ErrInvalid, p.Edge.ID, p.At)
		}
		seen[p.Edge.ID] = true
	}
	return nil
}

func (c LinkSubgraph) decide(s *State, known Known) ([]Event, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	if c.Ref == "" {
		return nil, fmt.Errorf("%w: link of node %q names no graph (use unlink_subgraph)", ErrInvalid, c.Node)
	}
	n.Ref = c.Ref
	if err := s.checkRef(known, n); err != nil {
		return nil, err
	}
	return []Event{SubgraphLinked{Node: c.Node, Ref: c.Ref}}, nil
}

func (c UnlinkSubgraph) decide(s *State, _ Known) ([]Event, error) {
	n, err := s.node(c.Node)
	if err != nil {
		return nil, err
	}
	if n.Ref == "" {
		return nil, fmt.Errorf("%w: node %q links no graph", ErrInvalid, c.Node)
	}
	return []Event{SubgraphUnlinked{Node: c.Node}}, nil
}

func (c ApplyLayout) decide(s *State, _ Known) ([]Event, error) {
	if len(c.Positions) == 0 {
		return nil, fmt.Errorf("%w: layout moves no node", ErrInvalid)
	}
	for id, p := range c.Positions {
		if _, err := s.node(id); err != nil {
			return nil, err
		}
		if err := checkPoint("node "+id, p); err != nil {
			return nil, err
		}
	}
	return []Event{LayoutApplied{Positions: c.Positions}}, nil
}
