package change

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
)

// decider is implemented by every command: its own checks and events,
// run once Decide has checked the target and the archive flag.
type decider interface {
	decide(s *State, known Known) ([]Event, error)
}

// Decide checks cmd against the state of its graph (nil when the graph
// does not exist) and returns the events that record it, or a refusal
// wrapping ErrInvalid, ErrNotFound, ErrDuplicate or ErrArchived. known
// answers whether another graph exists, for subgraph links; nil knows
// none. Decide does not change s.
func Decide(s *State, cmd Command, known Known) ([]Event, error) {
	cmd, _ = deref(cmd).(Command)
	d, ok := cmd.(decider)
	if !ok {
		return nil, fmt.Errorf("%w: unsupported command %T", ErrInvalid, cmd)
	}
	if err := checkTarget(s, cmd); err != nil {
		return nil, err
	}
	if err := checkEditable(s, cmd); err != nil {
		return nil, err
	}
	return d.decide(s, known)
}

// checkTarget refuses a command sent to the wrong graph, and any command
// but create and import to a graph that does not exist.
func checkTarget(s *State, cmd Command) error {
	id := cmd.Target()
	if s.Exists() && id != s.Graph.ID {
		return fmt.Errorf("%w: %s names graph %q but was sent to graph %q", ErrInvalid, cmd.CommandType(), id, s.Graph.ID)
	}
	if s.Exists() {
		return nil
	}
	switch cmd.(type) {
	case CreateGraph, ImportGraph:
		return ValidGraphID(id)
	}
	return fmt.Errorf("%w: graph %q", ErrNotFound, id)
}

// checkEditable refuses edits to an archived graph; unarchive is the one
// command an archived graph accepts (create and import are refused later
// as duplicates).
func checkEditable(s *State, cmd Command) error {
	if !s.Exists() {
		return nil
	}
	switch cmd.(type) {
	case UnarchiveGraph:
		if !s.Archived {
			return fmt.Errorf("%w: graph %q is not archived", ErrInvalid, s.Graph.ID)
		}
		return nil
	case CreateGraph, ImportGraph:
		return nil
	}
	if s.Archived {
		return fmt.Errorf("%w: graph %q: unarchive it to edit it", ErrArchived, s.Graph.ID)
	}
	return nil
}

func (c CreateGraph) decide(s *State, _ Known) ([]Event, error) {
	if s.Exists() {
		return nil, fmt.Errorf("%w: graph %q exists", ErrDuplicate, c.Graph)
	}
	return []Event{GraphCreated(c)}, nil
}

func (c RenameGraph) decide(*State, Known) ([]Event, error) {
	return []Event{GraphRenamed{Name: c.Name}}, nil
}

func (c ArchiveGraph) decide(*State, Known) ([]Event, error) {
	return []Event{GraphArchived{}}, nil
}

func (c UnarchiveGraph) decide(*State, Known) ([]Event, error) {
	return []Event{GraphUnarchived{}}, nil
}

func (c ImportGraph) decide(s *State, known Known) ([]Event, error) {
	if s.Exists() {
		return nil, fmt.Errorf("%w: graph %q exists (replace_graph replaces its content)", ErrDuplicate, c.Graph)
	}
	return decideContent(s, known, GraphImported(c))
}

func (c ReplaceGraph) decide(s *State, known Known) ([]Event, error) {
	return decideContent(s, known, GraphImported(c))
}

// decideContent checks a whole graph's content: links to known graphs (or
// the graph itself), unique IDs, edges between its nodes, finite positions.
func decideContent(s *State, known Known, c GraphImported) ([]Event, error) {
	for _, n := range c.Nodes {
		if n.Ref != "" && n.Ref != c.Graph && !s.knows(known, n.Ref) {
			return nil, fmt.Errorf("%w: node %q links graph %q", ErrNotFound, n.ID, n.Ref)
		}
	}
	if _, err := build(c.Graph, c.Name, c.Nodes, c.Edges); err != nil {
		return nil, fmt.Errorf("content of graph %q: %w", c.Graph, err)
	}
	return []Event{c}, nil
}

// build makes a graph from its parts, checking IDs, ends and positions.
// The graph holds copies: nothing is shared with the arguments.
func build(id, name string, nodes []graph.Node, edges []graph.Edge) (*graph.Graph, error) {
	g := graph.New(id, name)
	g.Nodes = make([]graph.Node, 0, len(nodes))
	g.Edges = make([]graph.Edge, 0, len(edges))
	for _, n := range nodes {
		if err := checkPoint("node "+n.ID, n.Pos); err != nil {
			return nil, err
		}
		n.Props = cleanProps(n.Props)
		if err := g.AddNode(n); err != nil {
			return nil, err
		}
	}
	for _, e := range edges {
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
	}
	return g, nil
}
