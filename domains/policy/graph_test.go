package policy

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/cimviz/cimviz/graph/codec"
)

// A denied command's trace becomes a valid graph: the command, one node
// per rule with its outcome, the decision; edges say which rule denied.
func TestTraceGraph(t *testing.T) {
	log := NewTraceLog(0)
	e := NewEnforcer(bookOf(managersRename, officeHours), directory(), WithClock(func() time.Time { return evening }), WithRecorder(log))
	a := admission("rename", "person-ken", `{"name":"x"}`)
	_ = e.Admit(context.Background(), a)
	corr := a.Command.CorrelationID.String()
	doc := TraceGraph(corr, log.Correlation(corr))
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	g := doc.RootGraph()
	if g.NodeCount() != 4 || g.EdgeCount() != 4 {
		t.Fatalf("%d nodes, %d edges; want 4 and 4", g.NodeCount(), g.EdgeCount())
	}
	cmd, _ := g.Node("t1")
	decision, _ := g.Node("t1.decision")
	rule1, _ := g.Node("t1.rule1")
	if cmd.Kind != "command" || cmd.Label != "rename c1 by person-ken" || decision.Kind != Denied ||
		decision.Label != "denied by only managers rename" || rule1.Props["outcome"] != OutcomeFalse || rule1.Props["rule"] != `"manager" in actor.roles` {
		t.Fatalf("command %+v, decision %+v, rule %+v", cmd, decision, rule1)
	}
	verdicts := map[string]string{}
	for _, ed := range g.Edges {
		if ed.To == "t1.decision" {
			verdicts[ed.From] = ed.Label
		}
	}
	if verdicts["t1.rule1"] != "denies" || verdicts["t1.rule2"] != "denies" {
		t.Fatalf("verdict edges %v", verdicts)
	}
	var buf bytes.Buffer
	if err := codec.EncodeJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	back, err := codec.DecodeJSON(&buf)
	if err != nil || back.RootGraph().NodeCount() != 4 {
		t.Fatalf("JSON round trip: %v", err)
	}
}

// Several traces of one correlation stack; none is an empty graph.
func TestTraceGraphOfSeveral(t *testing.T) {
	traces := []Trace{
		{CorrelationID: "c", Command: "rename", Decision: Allowed, Rules: []Result{{Policy: "p", Name: "p", Outcome: OutcomeTrue}}},
		{CorrelationID: "c", Command: "create", Decision: Denied, DeniedBy: "q", Rules: []Result{{Policy: "q", Name: "q", Outcome: OutcomeError, Error: "boom", Denies: true}}},
	}
	doc := TraceGraph("c", traces)
	if err := doc.Validate(); err != nil || doc.RootGraph().NodeCount() != 6 {
		t.Fatalf("%v, %d nodes", err, doc.RootGraph().NodeCount())
	}
	if n, _ := doc.RootGraph().Node("t2.rule1"); n.Props["error"] != "boom" {
		t.Fatalf("rule node %+v", n)
	}
	if err := TraceGraph("none", nil).Validate(); err != nil {
		t.Fatal(err)
	}
}
