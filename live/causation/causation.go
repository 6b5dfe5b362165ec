// Package causation draws the causation tree of one correlation: every
// message that a root command set off, linked from the message that
// caused it (its causation ID) to itself, as an ordinary graph.Graph laid
// out top-down with graph/layout's layered layout.
//
// Bad or partial data is drawn, not hidden and never looped over:
//   - a message whose cause is not among the entries (not logged, or
//     dropped from a full log) hangs below one synthetic node of kind
//     [KindMissing], ID [MissingID];
//   - messages whose causes form a cycle (A caused B caused A) have no
//     root above them; they keep their edges, those not reachable from a
//     root are marked with the property "cycle" = "true", and the first
//     of each cycle (in log order) hangs below the missing-cause node so
//     the tree still has a top;
//   - a message logged twice (same message ID) appears once.
package causation

import (
	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
	"github.com/cimviz/cimviz/live/eventlog"
)

// Node kinds in the tree.
const (
	KindEvent   = "event"
	KindCommand = "command"
	KindMissing = "missing"
)

// MissingID is the ID of the synthetic "missing cause" node.
const MissingID = "missing-cause"

// Edge kinds: an ordinary cause, and links from the synthetic node.
const (
	EdgeCaused  = "caused"
	EdgeMissing = "missing"
)

// Tree builds the causation tree of the correlation from entries (others
// are ignored) and lays it out top-down. Options go to the layout.
func Tree(entries []eventlog.Entry, correlation uuid.UUID, opts ...layout.Option) *graph.Graph {
	g := build(collect(entries, correlation), correlation)
	opts = append([]layout.Option{layout.WithDirection(layout.TopDown)}, opts...)
	for i, p := range layout.Run(layout.NewLayered(g, opts...), 0) {
		g.Nodes[i].Pos = p
	}
	return g
}

// FromLog builds the tree of the correlation from the entries a log
// still holds, whatever its view's filter.
func FromLog(l *eventlog.Log, correlation uuid.UUID, opts ...layout.Option) *graph.Graph {
	return Tree(l.Collect(func(e *eventlog.Entry) bool { return e.Identity.CorrelationID == correlation }), correlation, opts...)
}

// Correlations lists the correlation IDs found in entries, in order of
// first appearance: what a picker offers.
func Correlations(entries []eventlog.Entry) []uuid.UUID {
	seen := map[uuid.UUID]bool{}
	var out []uuid.UUID
	for _, e := range entries {
		if c := e.Identity.CorrelationID; c != uuid.Nil && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// collect keeps the correlation's messages, first copy of each.
func collect(entries []eventlog.Entry, correlation uuid.UUID) []eventlog.Entry {
	seen := map[uuid.UUID]bool{}
	var out []eventlog.Entry
	for _, e := range entries {
		id := e.Identity.MessageID
		if e.Identity.CorrelationID == correlation && id != uuid.Nil && !seen[id] {
			seen[id] = true
			out = append(out, e)
		}
	}
	return out
}

// isRoot: nothing caused it (its cause is itself or not given).
func isRoot(id message.Identity) bool {
	return id.CausationID == id.MessageID || id.CausationID == uuid.Nil
}

func kindOf(e eventlog.Entry) string {
	if e.Kind == eventlog.KindEvent {
		return KindEvent
	}
	return KindCommand
}
