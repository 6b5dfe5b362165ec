package domainview

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// ErrAnswer marks a view query's answer that does not decode.
var ErrAnswer = errors.New("view answer not understood")

// View is one domain read model shown as a graph.
type View struct {
	// ID is the graph's ID in the editor (never a graph service ID: they
	// are UUIDs or names of the graph domain, these start with "view-").
	ID string
	// Name is shown in the graph browser.
	Name string
	// Asks are the queries that answer the picture; the view follows the
	// events of every domain they name.
	Asks []Ask
	// Build turns the answers (one per ask, in order) into nodes and
	// edges (no positions).
	Build func(answers [][]byte) (*graph.Graph, error)
	// Rename turns a label edit of a node into a domain command; ok is
	// false for nodes that cannot be renamed.
	Rename func(node, label string) (cmd Command, ok bool)
	// Direction is the layered layout's direction.
	Direction layout.Direction
}

// Ask is one query a view asks: a domain-wide view when Aggregate is
// empty, else a query about that aggregate.
type Ask struct {
	Domain, Query, Aggregate string
}

// Command is a domain command a view's edit becomes.
type Command struct {
	Domain    string
	Type      string
	Aggregate string
	Payload   any
}

// Domains are the domains whose events the view follows, each once.
func (v View) Domains() []string {
	var out []string
	for _, a := range v.Asks {
		if !slices.Contains(out, a.Domain) {
			out = append(out, a.Domain)
		}
	}
	return out
}

// Graph builds the view's graph from the asks' answers and lays it out.
func (v View) Graph(answers ...[]byte) (*graph.Graph, error) {
	if len(answers) != len(v.Asks) {
		return nil, fmt.Errorf("%s: %w: %d answers to %d questions", v.Name, ErrAnswer, len(answers), len(v.Asks))
	}
	g, err := v.Build(answers)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", v.Name, err)
	}
	g.ID, g.Name = v.ID, v.Name
	opts := []layout.Option{layout.WithDirection(v.Direction), layout.WithRankSep(140), layout.WithSpacing(190)}
	for i, p := range layout.Run(layout.NewLayered(g, opts...), 0) {
		g.Nodes[i].Pos = p
	}
	return g, nil
}

// Empty is the view's graph before its first answer.
func (v View) Empty() *graph.Graph { return graph.New(v.ID, v.Name) }

// decodeAnswer reads a JSON answer into T, wrapping failures in ErrAnswer.
func decodeAnswer[T any](answer []byte) (T, error) {
	var out T
	if err := json.Unmarshal(answer, &out); err != nil {
		return out, fmt.Errorf("%w: %w", ErrAnswer, err)
	}
	return out, nil
}

// builder adds nodes and edges, skipping duplicates and edges whose ends
// are unknown (a read model may name what it does not list).
type builder struct{ g *graph.Graph }

func newBuilder() *builder { return &builder{g: graph.New("", "")} }

func (b *builder) node(id, kind, label string, props map[string]string) {
	_ = b.g.AddNode(graph.Node{ID: id, Kind: kind, Label: label, Props: props})
}

func (b *builder) edge(from, to, kind, label string) {
	if !b.g.HasNode(from) || !b.g.HasNode(to) {
		return
	}
	_ = b.g.AddEdge(graph.Edge{ID: from + ">" + kind + ">" + to, From: from, To: to, Kind: kind, Label: label})
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }
