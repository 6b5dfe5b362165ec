package bench

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/codec"
)

// bigDocument holds n nodes: a root graph whose nodes (label, kind,
// position, one property) form a chain of edges, a tenth of them groups
// standing for a nested graph of one node each: the shape the codec's own
// benchmarks import.
func bigDocument(n int) (*codec.Document, error) {
	root := graph.New("big", "big")
	d := codec.NewDocument(root)
	for i := range n / 10 {
		sub := graph.New("g"+strconv.Itoa(i), "")
		d.Graphs = append(d.Graphs, sub)
		if err := sub.AddNode(graph.Node{ID: "in" + strconv.Itoa(i), Label: "inner", Pos: graph.Point{X: 1, Y: 2}}); err != nil {
			return nil, err
		}
		if err := root.AddNode(graph.Node{ID: "grp" + strconv.Itoa(i), Label: "group", Ref: sub.ID}); err != nil {
			return nil, err
		}
	}
	for i := root.NodeCount(); i < n-n/10; i++ {
		nd := graph.Node{ID: "n" + strconv.Itoa(i), Label: "node " + strconv.Itoa(i), Kind: "service",
			Pos: graph.Point{X: float64(i % 1000), Y: float64(i / 1000)}, Props: map[string]string{"team": "core"}}
		if err := root.AddNode(nd); err != nil {
			return nil, err
		}
	}
	for i := 1; i < root.NodeCount(); i++ {
		e := graph.Edge{ID: "e" + strconv.Itoa(i), From: root.Nodes[i-1].ID, To: root.Nodes[i].ID, Label: "next"}
		if err := root.AddEdge(e); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// measureGraphMLImport: decode a 100k-node GraphML file held in memory;
// writing the file is not timed.
func measureGraphMLImport(_ context.Context, s Size) (Measurement, error) {
	const n = 100_000
	d, err := bigDocument(n)
	if err != nil {
		return Measurement{}, err
	}
	var buf bytes.Buffer
	if err := codec.EncodeGraphML(&buf, d); err != nil {
		return Measurement{}, err
	}
	d = nil
	var decodeErr error
	reps := s.Pick(1, 5)
	best := bestOf(reps, func() {
		if _, err := codec.DecodeGraphML(bytes.NewReader(buf.Bytes())); err != nil {
			decodeErr = err
		}
	})
	if decodeErr != nil {
		return Measurement{}, fmt.Errorf("decoding our own GraphML: %w", decodeErr)
	}
	note := fmt.Sprintf("%d nodes (%d in nested graphs), %d edges, %.1f MB, best of %d", n, n/10, n-n/10-1, float64(buf.Len())/1e6, reps)
	return Measurement{Value: ms(best), Note: note}, nil
}
