package wfmotion

import (
	"testing"

	wf "github.com/cimviz/cimviz/domains/workflow"
	"pgregory.net/rapid"
)

var eventTypes = []string{wf.EvtInstanceCreated, wf.EvtInstanceStarted, wf.EvtStepStarted, wf.EvtStepCompleted,
	wf.EvtStepFailed, wf.EvtStepRetried, wf.EvtStepSkipped, wf.EvtBranchArrived, wf.EvtApprovalRequested,
	wf.EvtApproved, wf.EvtRejected, wf.EvtInstancePaused, wf.EvtResumed, wf.EvtCancelled, wf.EvtCompleted,
	wf.EvtFailed, "bogus", ""}

// consistent checks what must hold after any events, valid or not:
// counts are positive and are exactly the phases of the instances.
func consistent(m *Motion) (string, bool) {
	sum := map[string]map[string]Counts{}
	for _, in := range m.inst {
		for step, p := range in.steps {
			if sum[in.workflow] == nil {
				sum[in.workflow] = map[string]Counts{}
			}
			c := sum[in.workflow][step]
			c.add(p, 1)
			sum[in.workflow][step] = c
		}
	}
	for wfName, steps := range m.counts {
		for step, c := range steps {
			if c.Running < 0 || c.Waiting < 0 || c.Failed < 0 || c.Zero() || sum[wfName][step] != c {
				return wfName + "/" + step, false
			}
		}
		if len(steps) != len(sum[wfName]) {
			return wfName, false
		}
	}
	return "", true
}

// TestAnyEventsStayConsistent: whatever arrives (out of order, duplicated,
// of unknown instances or types), counts never go negative and always
// equal the instances' phases; a completed instance leaves no trace.
func TestAnyEventsStayConsistent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := New()
		for range rapid.IntRange(1, 200).Draw(t, "events") {
			id := rapid.SampledFrom([]string{"a", "b", "c"}).Draw(t, "instance")
			e := wf.Event{Type: rapid.SampledFrom(eventTypes).Draw(t, "type"),
				Workflow: rapid.SampledFrom([]string{"", "w", "v"}).Draw(t, "workflow"),
				Step:     rapid.SampledFrom([]string{"", "s", "t", "u"}).Draw(t, "step"),
				Edge:     rapid.SampledFrom([]string{"", "e1"}).Draw(t, "edge"), Next: []string{"e2"}}
			m.Fold(nil, id, e)
			if where, ok := consistent(m); !ok {
				t.Fatalf("after %s of %s: counts at %s disagree with the instances", e.Type, id, where)
			}
			if e.Type == wf.EvtCompleted && m.Phase(id, "s")+m.Phase(id, "t")+m.Phase(id, "u") != None {
				t.Fatalf("%s completed but still shows", id)
			}
		}
	})
}

// FuzzFold: events decoded from any body never panic the fold nor break
// its counts.
func FuzzFold(f *testing.F) {
	f.Add("a", wf.EvtInstanceStarted, []byte(`{"workflow":"w"}`), wf.EvtStepStarted, []byte(`{"step":"s"}`))
	f.Add("a", wf.EvtInstanceCreated, []byte(`{"workflow":"w"}`), wf.EvtStepCompleted, []byte(`{"step":"s","next":["e1",""]}`))
	f.Add("", wf.EvtBranchArrived, []byte(`{"step":"j","edge":"e"}`), wf.EvtFailed, []byte(`null`))
	f.Fuzz(func(t *testing.T, id, typ1 string, body1 []byte, typ2 string, body2 []byte) {
		m := New()
		for _, ev := range []struct {
			typ  string
			body []byte
		}{{typ1, body1}, {typ2, body2}, {typ1, body1}, {wf.EvtCompleted, nil}} {
			e, err := wf.DecodeEvent(ev.typ, ev.body)
			if err != nil {
				continue
			}
			m.Fold(nil, id, e)
			if where, ok := consistent(m); !ok {
				t.Fatalf("counts at %s disagree with the instances", where)
			}
		}
	})
}
