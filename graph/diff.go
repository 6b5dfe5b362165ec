package graph

import (
	"fmt"
	"maps"
)

// Diff returns nil when a and b hold the same nodes and edges in the same
// order (IDs, kinds, labels, positions, properties, references), and
// otherwise an error naming the first difference. Two replicas of one
// event log must never differ: tests of convergence compare with it.
func Diff(a, b *Graph) error {
	if len(a.Nodes) != len(b.Nodes) || len(a.Edges) != len(b.Edges) {
		return fmt.Errorf("%d/%d nodes, %d/%d edges", len(a.Nodes), len(b.Nodes), len(a.Edges), len(b.Edges))
	}
	for i := range a.Nodes {
		if !sameNode(a.Nodes[i], b.Nodes[i]) {
			return fmt.Errorf("node %d: %+v vs %+v", i, a.Nodes[i], b.Nodes[i])
		}
	}
	for i := range a.Edges {
		if a.Edges[i] != b.Edges[i] {
			return fmt.Errorf("edge %d: %+v vs %+v", i, a.Edges[i], b.Edges[i])
		}
	}
	return nil
}

func sameNode(x, y Node) bool {
	return x.ID == y.ID && x.Kind == y.Kind && x.Label == y.Label && x.Pos == y.Pos && x.Ref == y.Ref &&
		maps.Equal(x.Props, y.Props)
}
