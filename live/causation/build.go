package causation

import (
	"maps"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/live/eventlog"
)

// build makes the unlaid graph: a node per message, an edge per cause.
func build(msgs []eventlog.Entry, correlation uuid.UUID) *graph.Graph {
	g := graph.New("causation-"+correlation.String(), "causation "+correlation.String())
	present := make(map[uuid.UUID]bool, len(msgs))
	for _, m := range msgs {
		present[m.Identity.MessageID] = true
		_ = g.AddNode(node(m))
	}
	var orphans []string
	for _, m := range msgs {
		id, cause := m.Identity.MessageID, m.Identity.CausationID
		switch {
		case isRoot(m.Identity):
		case present[cause]:
			_ = g.AddEdge(graph.Edge{ID: cause.String() + ">" + id.String(), From: cause.String(), To: id.String(), Kind: EdgeCaused})
		default:
			orphans = append(orphans, id.String())
		}
	}
	orphans = append(orphans, cycleEntries(g, msgs)...)
	hangBelowMissing(g, orphans)
	return g
}

func node(m eventlog.Entry) graph.Node {
	label := m.Type
	if label == "" {
		label = m.Subject
	}
	props := map[string]string{"subject": m.Subject, "aggregate": m.Aggregate}
	if !m.Time.IsZero() {
		props["time"] = m.Time.UTC().Format("15:04:05.000")
	}
	return graph.Node{ID: m.Identity.MessageID.String(), Kind: kindOf(m), Label: label, Props: props}
}

// hangBelowMissing adds the synthetic node and links it to orphans.
func hangBelowMissing(g *graph.Graph, orphans []string) {
	if len(orphans) == 0 {
		return
	}
	_ = g.AddNode(graph.Node{ID: MissingID, Kind: KindMissing, Label: "missing cause"})
	for _, o := range orphans {
		_ = g.AddEdge(graph.Edge{ID: MissingID + ">" + o, From: MissingID, To: o, Kind: EdgeMissing})
	}
}

// cycleEntries marks every message that no root and no orphan (a
// message whose cause is elsewhere) reaches: those are on or below a
// cause cycle. It returns one entry point per such group, the first in
// log order, to give each a way in from the top. Each node is walked
// once.
func cycleEntries(g *graph.Graph, msgs []eventlog.Entry) []string {
	out := map[string][]string{}
	for _, e := range g.Edges {
		out[e.From] = append(out[e.From], e.To)
	}
	seen := map[string]bool{}
	for _, m := range msgs {
		if isRoot(m.Identity) || !g.HasNode(m.Identity.CausationID.String()) {
			walk(out, seen, m.Identity.MessageID.String())
		}
	}
	fromTop := maps.Clone(seen)
	var entries []string
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if !fromTop[n.ID] {
			n.Props["cycle"] = "true"
		}
		if !seen[n.ID] {
			entries = append(entries, n.ID)
			walk(out, seen, n.ID)
		}
	}
	return entries
}

// walk marks everything reachable from start (iteratively: a long chain
// must not grow the stack).
func walk(out map[string][]string, seen map[string]bool, start string) {
	if seen[start] {
		return
	}
	seen[start] = true
	stack := []string{start}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, to := range out[n] {
			if !seen[to] {
				seen[to] = true
				stack = append(stack, to)
			}
		}
	}
}
