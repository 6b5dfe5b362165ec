package policy

import (
	"strconv"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/codec"
)

// Layout of a trace graph: a command on the left, its rules in a column,
// the decision on the right; each further trace below the one before.
const (
	traceColumn = 280.0
	traceRow    = 90.0
)

// TraceGraph is the graph of a correlation's traces, as a document the
// editor opens: per trace, the command (kind "command") points to each
// rule it was judged by (kind "rule", its outcome in the label and every
// detail in the props), and each rule to the decision (kind "allow" or
// "deny"), along edges labelled "denies" or "passes". Pure; the same
// traces always give the same document.
func TraceGraph(correlationID string, traces []Trace) *codec.Document {
	g := graph.New("policy-trace-"+correlationID, "policy trace "+correlationID)
	y := 0.0
	for i, t := range traces {
		y = addTrace(g, "t"+strconv.Itoa(i+1), t, y) + 2*traceRow
	}
	return codec.NewDocument(g)
}

// addTrace adds one trace's nodes and edges from height y on and returns
// the height of its lowest node.
func addTrace(g *graph.Graph, id string, t Trace, y float64) float64 {
	label := t.Command + " " + t.Aggregate
	if t.Actor != "" {
		label += " by " + t.Actor
	}
	_ = g.AddNode(graph.Node{ID: id, Kind: "command", Label: label, Pos: graph.Point{X: 0, Y: y}, Props: map[string]string{
		"domain": t.Domain, "command": t.Command, "aggregate": t.Aggregate, "actor": t.Actor,
		"command_id": t.CommandID, "correlation_id": t.CorrelationID, "time": t.Time.Format("2006-01-02T15:04:05.000Z07:00")}})
	decision := id + ".decision"
	_ = g.AddNode(graph.Node{ID: decision, Kind: t.Decision, Label: decisionLabel(t), Pos: graph.Point{X: 2 * traceColumn, Y: y},
		Props: map[string]string{"decision": t.Decision, "denied_by": t.DeniedBy}})
	last := y
	for j, r := range t.Rules {
		rid := id + ".rule" + strconv.Itoa(j+1)
		last = y + float64(j)*traceRow
		_ = g.AddNode(graph.Node{ID: rid, Kind: "rule", Label: r.Name + ": " + r.Outcome, Pos: graph.Point{X: traceColumn, Y: last}, Props: ruleProps(r)})
		_ = g.AddEdge(graph.Edge{ID: rid + ".judged", From: id, To: rid, Label: string(r.Effect), Kind: "evaluates"})
		verdict := "passes"
		if r.Denies {
			verdict = "denies"
		}
		_ = g.AddEdge(graph.Edge{ID: rid + ".verdict", From: rid, To: decision, Label: verdict, Kind: verdict})
	}
	return last
}

func decisionLabel(t Trace) string {
	if t.Decision != Denied {
		return "allowed"
	}
	for _, r := range t.Rules {
		if r.Policy == t.DeniedBy {
			return "denied by " + r.Name
		}
	}
	return "denied"
}

func ruleProps(r Result) map[string]string {
	p := map[string]string{"policy": r.Policy, "version": strconv.FormatUint(r.Version, 10), "effect": string(r.Effect),
		"rule": r.Rule, "outcome": r.Outcome, "denies": strconv.FormatBool(r.Denies)}
	if r.Error != "" {
		p["error"] = r.Error
	}
	return p
}
