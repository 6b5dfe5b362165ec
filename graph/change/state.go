package change

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cimviz/cimviz/graph"
)

// State is the graph aggregate as Decide sees it: the graph (nil until it
// is created), whether it is archived, and how many events built it.
type State struct {
	Graph    *graph.Graph
	Archived bool
	// Version counts the events applied, so it equals the aggregate
	// version the event store reports for the last of them.
	Version uint64
}

// Known reports whether a graph with the given ID exists. Decide asks it
// before letting a node stand for another graph.
type Known func(graphID string) bool

// Exists reports whether the graph was created (a nil State is a graph
// that does not exist yet).
func (s *State) Exists() bool { return s != nil && s.Graph != nil }

// Clone returns a deep copy, so a caller can keep a state across Apply,
// which changes its argument in place.
func (s *State) Clone() *State {
	if s == nil {
		return nil
	}
	c := *s
	if s.Graph != nil {
		c.Graph = s.Graph.Clone()
	}
	return &c
}

// Replay folds events into a fresh state.
func Replay(events []Event) (*State, error) {
	var s *State
	for i, e := range events {
		var err error
		if s, err = Apply(s, e); err != nil {
			return nil, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	return s, nil
}

// ValidGraphID reports an ID that cannot name a graph: graph IDs are NATS
// subject tokens (cim.graph.evt.<graph>.<event>), so they must be
// non-empty and free of dots, wildcards and white space.
func ValidGraphID(id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty graph id", ErrInvalid)
	}
	if strings.IndexFunc(id, badIDRune) >= 0 || !utf8.ValidString(id) || len(id) > 200 {
		return fmt.Errorf("%w: graph id %q must be a subject token (no dots, wildcards or spaces, at most 200 bytes)", ErrInvalid, id)
	}
	return nil
}

func badIDRune(r rune) bool {
	return r == '.' || r == '*' || r == '>' || unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
}

// knows is Known with two defaults: a graph always knows itself, and a
// nil Known knows no other graph.
func (s *State) knows(known Known, ref string) bool {
	if s.Exists() && ref == s.Graph.ID {
		return true
	}
	return known != nil && known(ref)
}

func (s *State) checkRef(known Known, n graph.Node) error {
	if n.Ref == "" || s.knows(known, n.Ref) {
		return nil
	}
	return fmt.Errorf("%w: node %q links graph %q", ErrNotFound, n.ID, n.Ref)
}

func checkPoint(what string, p graph.Point) error {
	if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
		return fmt.Errorf("%w: %s: position (%v, %v) is not finite", ErrInvalid, what, p.X, p.Y)
	}
	return nil
}

func (s *State) node(id string) (graph.Node, error) {
	n, ok := s.Graph.Node(id)
	if !ok {
		return graph.Node{}, fmt.Errorf("%w: node %q in graph %q", ErrNotFound, id, s.Graph.ID)
	}
	return n, nil
}

func (s *State) edge(id string) (graph.Edge, error) {
	e, ok := s.Graph.Edge(id)
	if !ok {
		return graph.Edge{}, fmt.Errorf("%w: edge %q in graph %q", ErrNotFound, id, s.Graph.ID)
	}
	return e, nil
}

// touching returns the edges with an end at node id, in edge order, with
// their indexes.
func (s *State) touching(id string) []PlacedEdge {
	var out []PlacedEdge
	for i, e := range s.Graph.Edges {
		if e.From == id || e.To == id {
			out = append(out, PlacedEdge{Edge: e, At: i})
		}
	}
	return out
}

// cleanProps makes an empty property map nil, so a state rebuilt from
// JSON (where an empty map is omitted) equals the original.
func cleanProps(p map[string]string) map[string]string {
	if len(p) == 0 {
		return nil
	}
	c := make(map[string]string, len(p))
	for k, v := range p {
		c[k] = v
	}
	return c
}
