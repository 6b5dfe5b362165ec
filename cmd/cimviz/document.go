package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/cimviz/cimviz/assets"
	"github.com/cimviz/cimviz/graph"
)

// errDocument marks a graph file that cannot be read.
var errDocument = errors.New("graph document")

// document is a native JSON document: a root graph and the graphs its
// nodes open. (graph/codec owns the format; this reader covers the editor
// until the codec is committed.)
type document struct {
	root   string
	graphs []*graph.Graph
}

type wireDoc struct {
	Root   string `json:"root"`
	Graphs []struct {
		ID    string `json:"id"`
		Name  string `json:"name"`
		Nodes []struct {
			graph.Node
			X float64 `json:"x"`
			Y float64 `json:"y"`
		} `json:"nodes"`
		Edges []graph.Edge `json:"edges"`
	} `json:"graphs"`
}

// loadDocument reads a file, or the default sample when path is "".
func loadDocument(path string) (*document, error) {
	var b []byte
	var err error
	if path == "" {
		b, err = assets.Sample(assets.DefaultSample)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errDocument, err)
	}
	return decodeDocument(b)
}

func decodeDocument(b []byte) (*document, error) {
	var w wireDoc
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("%w: %v", errDocument, err)
	}
	d := &document{root: w.Root}
	for _, wg := range w.Graphs {
		g := graph.New(wg.ID, wg.Name)
		for _, n := range wg.Nodes {
			n.Node.Pos = graph.Point{X: n.X, Y: n.Y}
			if err := g.AddNode(n.Node); err != nil {
				return nil, fmt.Errorf("%w: graph %q: %v", errDocument, wg.ID, err)
			}
		}
		for _, e := range wg.Edges {
			if err := g.AddEdge(e); err != nil {
				return nil, fmt.Errorf("%w: graph %q: %v", errDocument, wg.ID, err)
			}
		}
		d.graphs = append(d.graphs, g)
	}
	if _, ok := d.find(d.root); !ok {
		return nil, fmt.Errorf("%w: root graph %q missing", errDocument, d.root)
	}
	return d, nil
}

func (d *document) find(id string) (*graph.Graph, bool) {
	for _, g := range d.graphs {
		if g.ID == id {
			return g, true
		}
	}
	return nil, false
}
