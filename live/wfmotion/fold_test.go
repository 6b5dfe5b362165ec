package wfmotion

import (
	"slices"
	"strconv"
	"testing"

	wf "github.com/cimviz/cimviz/domains/workflow"
)

type step struct {
	inst string
	e    wf.Event
}

func ev(typ, stepID string) wf.Event { return wf.Event{Type: typ, Step: stepID} }

// TestFoldTable spells out what a user sees at each step after a few
// events: who runs, who waits, where a run broke, which edges pulsed.
func TestFoldTable(t *testing.T) {
	start := step{"a", wf.Event{Type: wf.EvtInstanceStarted, Workflow: "w"}}
	cases := []struct {
		name   string
		events []step
		counts map[string]Counts
		edges  []string
	}{
		{"a started step runs", []step{start, {"a", ev(wf.EvtStepStarted, "s")}},
			map[string]Counts{"s": {Running: 1}}, nil},
		{"a completed step pulses its edges and leaves", []step{start, {"a", ev(wf.EvtStepStarted, "s")},
			{"a", wf.Event{Type: wf.EvtStepCompleted, Step: "s", Next: []string{"e1", "e2"}}}},
			map[string]Counts{}, []string{"e1", "e2"}},
		{"an approval waits", []step{start, {"a", ev(wf.EvtStepStarted, "ok")}, {"a", ev(wf.EvtApprovalRequested, "ok")}},
			map[string]Counts{"ok": {Waiting: 1}}, nil},
		{"a join waits for its branches", []step{start, {"a", wf.Event{Type: wf.EvtBranchArrived, Step: "j", Edge: "e3"}}},
			map[string]Counts{"j": {Waiting: 1}}, []string{"e3"}},
		{"a failure is retried", []step{start, {"a", ev(wf.EvtStepStarted, "s")}, {"a", ev(wf.EvtStepFailed, "s")},
			{"a", ev(wf.EvtStepRetried, "s")}}, map[string]Counts{"s": {Waiting: 1}}, nil},
		{"a failed instance stays red where it broke", []step{start, {"a", ev(wf.EvtStepStarted, "s")},
			{"a", ev(wf.EvtStepStarted, "t")}, {"a", ev(wf.EvtStepFailed, "s")}, {"a", wf.Event{Type: wf.EvtFailed}},
			{"a", ev(wf.EvtStepStarted, "u")}}, map[string]Counts{"s": {Failed: 1}}, nil},
		{"a completed instance leaves no trace", []step{start, {"a", ev(wf.EvtStepStarted, "s")}, {"a", wf.Event{Type: wf.EvtCompleted}}},
			map[string]Counts{}, nil},
		{"a cancelled instance leaves no trace", []step{start, {"a", ev(wf.EvtApprovalRequested, "s")}, {"a", wf.Event{Type: wf.EvtCancelled}}},
			map[string]Counts{}, nil},
		{"events of an instance never started are ignored", []step{{"b", ev(wf.EvtStepStarted, "s")},
			{"b", wf.Event{Type: wf.EvtStepCompleted, Step: "s", Next: []string{"e1"}}}}, map[string]Counts{}, nil},
		{"two instances count at one step", []step{start, {"b", wf.Event{Type: wf.EvtInstanceCreated, Workflow: "w"}},
			{"b", wf.Event{Type: wf.EvtInstanceStarted, Workflow: "w"}},
			{"a", ev(wf.EvtStepStarted, "s")}, {"b", ev(wf.EvtStepStarted, "s")}}, map[string]Counts{"s": {Running: 2}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New()
			var edges []string
			for _, s := range c.events {
				for _, tr := range m.Fold(nil, s.inst, s.e) {
					edges = append(edges, tr.Edge)
				}
			}
			if got := m.Counts("w"); !sameCounts(got, c.counts) {
				t.Errorf("counts %v, want %v", got, c.counts)
			}
			if !slices.Equal(edges, c.edges) {
				t.Errorf("edges %v, want %v", edges, c.edges)
			}
		})
	}
}

func sameCounts(got, want map[string]Counts) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

// TestForgetClearsRed: forgetting a workflow's failed runs removes their
// marks and the instances; the revision tells readers to redraw.
func TestForgetClearsRed(t *testing.T) {
	m := New()
	m.Fold(nil, "a", wf.Event{Type: wf.EvtInstanceStarted, Workflow: "w"})
	m.Fold(nil, "a", ev(wf.EvtStepFailed, "s"))
	m.Fold(nil, "a", wf.Event{Type: wf.EvtFailed})
	rev := m.Revision("w")
	m.Forget("w")
	if len(m.Counts("w")) != 0 || m.Instances() != 0 || m.Revision("w") == rev {
		t.Fatalf("after Forget: counts %v, %d instances, revision %d (was %d)", m.Counts("w"), m.Instances(), m.Revision("w"), rev)
	}
}

// TestFailedRunsAreBounded: only the newest MaxFailed failed instances
// keep their red marks.
func TestFailedRunsAreBounded(t *testing.T) {
	m := New()
	for i := range MaxFailed + 10 {
		id := "i" + strconv.Itoa(i)
		m.Fold(nil, id, wf.Event{Type: wf.EvtInstanceStarted, Workflow: "w"})
		m.Fold(nil, id, ev(wf.EvtStepFailed, "s"))
		m.Fold(nil, id, wf.Event{Type: wf.EvtFailed})
	}
	if got := m.Counts("w")["s"]; got.Failed != MaxFailed || m.Instances() != MaxFailed {
		t.Fatalf("%d failed shown, %d instances kept; want %d", got.Failed, m.Instances(), MaxFailed)
	}
	if m.Phase("i0", "s") != None || m.Phase("i"+strconv.Itoa(MaxFailed+9), "s") != Failed {
		t.Fatal("the oldest failure must go first")
	}
}
