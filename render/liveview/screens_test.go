package liveview

import (
	"strings"
	"testing"

	"github.com/cimviz/cimviz/bench/timelinebench"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
)

// The log of 100,000 messages filtered by typing a subject pattern, a
// row clicked: its headers and body below, its causation tree beside.
func TestLogFilteredGolden(t *testing.T) {
	log := traffic(100_000)
	p := newPanels(t, log, nil)
	play(p, click(1000, 48), typed("cim.graph.evt.> "), typed("text:g3"), click(1000, 200))
	if f := log.Filter(); f.Subject != "cim.graph.evt.>" || f.Text != "g3" {
		t.Fatalf("typing set the filter %+v", f)
	}
	e, ok := p.Selected()
	if !ok || !strings.HasPrefix(e.Subject, "cim.graph.evt.g3.") {
		t.Fatalf("clicked row selected %v %q", ok, e.Subject)
	}
	checkGolden(t, "log-filtered.png", shoot(p))
}

// A correlation that branches, part of whose causes were never logged:
// what they set off hangs below the dashed red missing-cause node.
func TestCausationMissingGolden(t *testing.T) {
	log := eventlog.New()
	for _, s := range []story{{n: 0, graph: "g1", node: "node-0001"}, {n: 20, graph: "g4", node: "node-0100", verb: 3}} {
		for _, e := range s.msgs() {
			log.Push(e)
		}
	}
	for _, e := range checkout() {
		log.Push(e)
	}
	p := newPanels(t, log, nil)
	play(p, click(1000, 110+2*20+10)) // row 2, newest first: "payment_requested", the orphan
	e, _ := p.Selected()
	tree := p.State().Causation.Tree()
	if tree == nil || !tree.HasNode("missing-cause") || len(tree.Nodes) != 9 {
		t.Fatalf("selected %q: tree %v lacks the missing cause or a message", e.Type, tree)
	}
	checkGolden(t, "causation-missing.png", shoot(p))
}

// Stepped back into the past: the banner, the slider, the sequence.
func TestTimelinePastGolden(t *testing.T) {
	tl, err := timeline.New(timelinebench.History(5000, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	p := newPanels(t, traffic(2000), tl)
	tl.Seek(3120)
	play(p, ecs.Input{MouseX: 300, MouseY: 600})
	if seq, past := p.Seek(); seq != 3120 || !past || !p.InPast() {
		t.Fatalf("Seek() = %d, %v", seq, past)
	}
	checkGolden(t, "timeline-past.png", shoot(p))
}
