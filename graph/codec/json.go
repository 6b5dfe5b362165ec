package codec

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// JSONVersion is the version of the native JSON document this package
// writes; it reads this version and older.
const JSONVersion = 1

// The native document's wire types are declared here rather than taken from
// the model's tags, so the file format only changes on purpose.
type jsonDoc struct {
	Version int               `json:"version"`
	Root    string            `json:"root"`
	Attrs   map[string]string `json:"attrs,omitempty"`
	Graphs  []jsonGraph       `json:"graphs"`
	Ends    []jsonEnds        `json:"ends,omitempty"`
}

// jsonEnds is one entry of Document.Ends: edge edge of graph graph really
// joins from and to.
type jsonEnds struct {
	Graph string `json:"graph"`
	Edge  string `json:"edge"`
	From  string `json:"from"`
	To    string `json:"to"`
}

type jsonGraph struct {
	ID    string     `json:"id"`
	Name  string     `json:"name,omitempty"`
	Nodes []jsonNode `json:"nodes"`
	Edges []jsonEdge `json:"edges"`
}

type jsonNode struct {
	ID    string            `json:"id"`
	Kind  string            `json:"kind,omitempty"`
	Label string            `json:"label,omitempty"`
	X     float64           `json:"x"`
	Y     float64           `json:"y"`
	Props map[string]string `json:"props"`
	Ref   string            `json:"ref,omitempty"`
}

type jsonEdge struct {
	ID    string `json:"id"`
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
	Kind  string `json:"kind,omitempty"`
}

// EncodeJSON writes the lossless native document. It refuses a document
// that fails [Document.Validate], since it could not be read back.
func EncodeJSON(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	wire := jsonDoc{Version: JSONVersion, Root: d.Root, Attrs: d.Attrs, Graphs: make([]jsonGraph, 0, len(d.Graphs)), Ends: toJSONEnds(d.Ends)}
	for _, g := range d.Graphs {
		jg, err := toJSONGraph(g)
		if err != nil {
			return err
		}
		wire.Graphs = append(wire.Graphs, jg)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(wire)
}

// toJSONEnds lists the real ends by graph and edge, so the file is the
// same on every write.
func toJSONEnds(ends map[EdgeKey]Ends) []jsonEnds {
	out := make([]jsonEnds, 0, len(ends))
	for k, e := range ends {
		out = append(out, jsonEnds{Graph: k.Graph, Edge: k.Edge, From: e.From, To: e.To})
	}
	slices.SortFunc(out, func(a, b jsonEnds) int {
		return cmp.Or(cmp.Compare(a.Graph, b.Graph), cmp.Compare(a.Edge, b.Edge))
	})
	return out
}

// fromJSONEnds is the inverse of toJSONEnds; nil when there are none.
func fromJSONEnds(wire []jsonEnds) map[EdgeKey]Ends {
	if len(wire) == 0 {
		return nil
	}
	ends := make(map[EdgeKey]Ends, len(wire))
	for _, e := range wire {
		ends[EdgeKey{Graph: e.Graph, Edge: e.Edge}] = Ends{From: e.From, To: e.To}
	}
	return ends
}

func toJSONGraph(g *graph.Graph) (jsonGraph, error) {
	jg := jsonGraph{ID: g.ID, Name: g.Name, Nodes: make([]jsonNode, len(g.Nodes)), Edges: make([]jsonEdge, len(g.Edges))}
	for i, n := range g.Nodes {
		if !finite(n.Pos.X) || !finite(n.Pos.Y) {
			return jg, fmt.Errorf("%w: graph %q node %q has a non-finite position", ErrUnsupported, g.ID, n.ID)
		}
		jg.Nodes[i] = jsonNode{ID: n.ID, Kind: n.Kind, Label: n.Label, X: n.Pos.X, Y: n.Pos.Y, Props: n.Props, Ref: n.Ref}
	}
	for i, e := range g.Edges {
		jg.Edges[i] = jsonEdge{ID: e.ID, From: e.From, To: e.To, Label: e.Label, Kind: e.Kind} // real ends: Document.Ends
	}
	return jg, nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// DecodeJSON reads a native document and validates it.
func DecodeJSON(r io.Reader) (*Document, error) {
	var wire jsonDoc
	if err := json.NewDecoder(r).Decode(&wire); err != nil {
		return nil, jsonError(err)
	}
	if wire.Version < 1 || wire.Version > JSONVersion {
		return nil, fmt.Errorf("%w: native json version %d (this build reads 1 to %d)", ErrUnsupported, wire.Version, JSONVersion)
	}
	d := &Document{Root: wire.Root, Attrs: wire.Attrs, Ends: fromJSONEnds(wire.Ends)}
	if len(d.Attrs) == 0 {
		d.Attrs = nil
	}
	for _, jg := range wire.Graphs {
		d.Graphs = append(d.Graphs, fromJSONGraph(jg))
	}
	if err := d.validate(true); err != nil {
		return nil, err
	}
	return d, nil
}

func fromJSONGraph(jg jsonGraph) *graph.Graph {
	g := graph.New(jg.ID, jg.Name)
	for _, n := range jg.Nodes {
		g.Nodes = append(g.Nodes, graph.Node{ID: n.ID, Kind: n.Kind, Label: n.Label, Pos: graph.Point{X: n.X, Y: n.Y}, Props: n.Props, Ref: n.Ref})
	}
	for _, e := range jg.Edges {
		g.Edges = append(g.Edges, graph.Edge{ID: e.ID, From: e.From, To: e.To, Label: e.Label, Kind: e.Kind})
	}
	return g
}

// jsonError wraps a decoding error with ErrSyntax and the byte offset.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%w: json at offset %d: %v", ErrSyntax, syn.Offset, err)
	case errors.As(err, &typ):
		return fmt.Errorf("%w: json at offset %d: %v", ErrSyntax, typ.Offset, err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: json: unexpected end of input", ErrSyntax)
	}
	return fmt.Errorf("%w: json: %v", ErrSyntax, err)
}
