package ecs

import (
	"slices"
	"testing"
)

// TestSetStepRuns: runtime state shows on the named nodes, leaves those
// no longer named, and redraws only the nodes whose state changed.
func TestSetStepRuns(t *testing.T) {
	ed := NewEditor(WithSize(800, 600))
	ed.Load(sample())
	_, mark, _ := ed.Changes(Mark{})
	steps := []struct {
		runs    map[string]StepRun
		changed []string
	}{
		{map[string]StepRun{"a": {Running: 2}, "b": {Waiting: 1}, "nope": {Failed: 1}}, []string{"a", "b"}},
		{map[string]StepRun{"a": {Running: 2}, "b": {Waiting: 1}}, nil},
		{map[string]StepRun{"a": {Running: 1}, "b": {Waiting: 1}}, []string{"a"}},
		{map[string]StepRun{"b": {Waiting: 1}, "c": {}}, []string{"a"}},
		{nil, []string{"b"}},
	}
	for i, s := range steps {
		rev := ed.Revision()
		ed.SetStepRuns(s.runs)
		es, next, all := ed.Changes(mark)
		mark = next
		var got []string
		for _, e := range es {
			v, _ := ed.NodeOf(e)
			got = append(got, v.ID)
		}
		slices.Sort(got)
		if all || !slices.Equal(got, s.changed) || (len(s.changed) == 0) != (ed.Revision() == rev) {
			t.Fatalf("step %d: redrawn %v (all %v), want %v; revision %d -> %d", i, got, all, s.changed, rev, ed.Revision())
		}
		for _, id := range []string{"a", "b", "c"} {
			if v, _ := ed.Node(id); v.Run != s.runs[id] || ed.StepRunOf(id) != s.runs[id] {
				t.Fatalf("step %d: %s shows %+v, want %+v", i, id, v.Run, s.runs[id])
			}
		}
	}
}

// BenchmarkSetStepRuns is the per-tick cost of showing a running
// workflow's state: 30 instances spread over the steps of a small
// workflow, the counts changing every tick (changed) or not (unchanged).
func BenchmarkSetStepRuns(b *testing.B) {
	ed := NewEditor(WithSize(800, 600))
	ed.Load(sample())
	ticks := []map[string]StepRun{
		{"a": {Running: 12, Waiting: 3}, "b": {Running: 10}, "c": {Waiting: 4, Failed: 1}},
		{"a": {Running: 11, Waiting: 4}, "b": {Running: 9, Failed: 1}, "c": {Waiting: 5}},
	}
	b.Run("changed", func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			ed.SetStepRuns(ticks[i%2])
			ed.Changes(Mark{}) // a reader follows; marks do not pile up
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			ed.SetStepRuns(ticks[0])
		}
	})
}
