package flow

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// GraphID is the ID of the flow graph.
const GraphID = "subject-flow"

// Graph returns the flow as it stands at now: a node per service,
// subject group and client, an edge per flow whose Label is its rate
// ("12.5/s"), laid out left to right with the layered layout. Options go
// to the layout. Node and edge order is stable (sorted by ID).
func (o *Observer) Graph(now time.Time, opts ...layout.Option) *graph.Graph {
	o.mu.Lock()
	g := o.snapshot(now)
	o.mu.Unlock()
	opts = append([]layout.Option{layout.WithDirection(layout.LeftRight)}, opts...)
	for i, p := range layout.Run(layout.NewLayered(g, opts...), 0) {
		g.Nodes[i].Pos = p
	}
	return g
}

func (o *Observer) snapshot(now time.Time) *graph.Graph {
	g := graph.New(GraphID, "subject flow")
	for _, id := range sortedKeys(o.nodes) {
		n := o.nodes[id]
		_ = g.AddNode(graph.Node{ID: id, Kind: n.kind, Label: n.label, Props: o.props(n)})
	}
	keys := slices.SortedFunc(maps.Keys(o.edges), func(a, b edgeKey) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind))
	})
	for _, k := range keys {
		label := RateLabel(o.edges[k].valueAt(now, o.tau))
		_ = g.AddEdge(graph.Edge{ID: k.from + ">" + k.to, From: k.from, To: k.to, Kind: k.kind, Label: label})
	}
	return g
}

func (o *Observer) props(n nodeInfo) map[string]string {
	s := o.services[n.label]
	if n.kind != KindService || s == nil {
		return nil
	}
	return map[string]string{"version": s.version, "domain": s.domain, "instances": strconv.Itoa(len(s.instances))}
}

// Rate is the current rate of the edge between two node IDs (kind:label),
// 0 when there is none.
func (o *Observer) Rate(from, to string, now time.Time) float64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	var sum float64
	for k, r := range o.edges {
		if k.from == from && k.to == to {
			sum += r.valueAt(now, o.tau)
		}
	}
	return sum
}

// RateLabel formats a rate as an edge label.
func RateLabel(perSecond float64) string { return fmt.Sprintf("%.1f/s", perSecond) }

// NodeID is the ID of the node of that kind and label.
func NodeID(kind, label string) string { return kind + ":" + label }

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
