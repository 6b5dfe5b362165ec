package wfmotion

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/workflow"
	"pgregory.net/rapid"
)

// templates compiles every embedded workflow template.
func templates(t *testing.T) []*workflow.Definition {
	var defs []*workflow.Definition
	for _, name := range workflow.Templates() {
		g, err := workflow.Template(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := workflow.Compile(g, 1)
		if err != nil {
			t.Fatal(err)
		}
		defs = append(defs, d)
	}
	return defs
}

// nextCommand picks a valid command for one of the instance's steps that
// waits for someone (or a pause, resume or cancel).
func nextCommand(t *rapid.T, in *workflow.Instance) workflow.Command {
	if in.State == workflow.Paused {
		return workflow.Resume{Instance: in.ID}
	}
	active := in.Active()
	slices.Sort(active)
	active = slices.DeleteFunc(active, func(s string) bool { return in.Steps[s].State == workflow.StepPending })
	r := workflow.StepRef{Instance: in.ID, Step: rapid.SampledFrom(active).Draw(t, "step")}
	out := map[string]any{"x": float64(rapid.IntRange(0, 3).Draw(t, "x"))}
	if in.Steps[r.Step].State == workflow.StepWaitingApproval {
		return rapid.SampledFrom([]workflow.Command{workflow.Approve{StepRef: r, Outputs: out},
			workflow.Reject{StepRef: r}, workflow.SkipStep{StepRef: r}}).Draw(t, "approval")
	}
	return rapid.SampledFrom([]workflow.Command{workflow.CompleteStep{StepRef: r, Outputs: out},
		workflow.CompleteStep{StepRef: r}, workflow.FailStep{StepRef: r}, workflow.SkipStep{StepRef: r},
		workflow.RetryStep{StepRef: r}, workflow.Pause{Instance: in.ID}, workflow.Cancel{Instance: in.ID}}).Draw(t, "command")
}

func startContext(t *rapid.T) map[string]any {
	return map[string]any{
		"x": float64(rapid.IntRange(0, 3).Draw(t, "x0")), "amount": float64(rapid.IntRange(0, 2000).Draw(t, "amount")),
		"total": float64(rapid.IntRange(0, 1000).Draw(t, "total")), "express": rapid.Bool().Draw(t, "express"),
		"n": float64(rapid.IntRange(0, 3).Draw(t, "n")),
	}
}

// run is one instance being driven by random commands.
type run struct {
	in  *workflow.Instance
	def *workflow.Definition
}

// TestRandomRunsFold: several instances of random templates, driven by
// random valid commands and interleaved, fold into counts that are never
// negative, that show each instance exactly at its active (and failed)
// steps, and that sum to what the instances' own states say.
func TestRandomRunsFold(t *testing.T) {
	defs := templates(t)
	rapid.Check(t, func(t *rapid.T) {
		m, runs := New(), startRuns(t, defs)
		for i := 0; i < 300; i++ {
			live := liveRuns(runs)
			if len(live) == 0 {
				break
			}
			r := rapid.SampledFrom(live).Draw(t, "instance")
			var cmd workflow.Command
			if r.in.Exists() {
				cmd = nextCommand(t, r.in)
			}
			fold(t, m, r, cmd)
			check(t, m, runs)
		}
		adopted := New()
		for _, r := range runs {
			adopted.Adopt(r.in.ID, r.in)
		}
		for _, d := range defs {
			if got, want := adopted.Counts(d.Workflow), m.Counts(d.Workflow); !maps.Equal(got, want) {
				t.Fatalf("%s: adopting the instances' states counts %v, folding their events %v", d.Workflow, got, want)
			}
		}
	})
}

func startRuns(t *rapid.T, defs []*workflow.Definition) []*run {
	n := rapid.IntRange(1, 5).Draw(t, "instances")
	runs := make([]*run, n)
	for i := range runs {
		d := rapid.SampledFrom(defs).Draw(t, "workflow")
		runs[i] = &run{in: &workflow.Instance{}, def: d}
	}
	return runs
}

func liveRuns(runs []*run) []*run {
	var out []*run
	for i, r := range runs {
		if !r.in.Exists() {
			r.in.ID = fmt.Sprintf("i%d", i)
		}
		if !r.in.State.Terminal() {
			out = append(out, r)
		}
	}
	return out
}

// fold decides a command (a start for a new instance) and folds its events.
func fold(t *rapid.T, m *Motion, r *run, cmd workflow.Command) {
	if !r.in.Exists() {
		cmd = workflow.StartInstance{Instance: r.in.ID, Workflow: r.def.Workflow, Context: startContext(t)}
	}
	next, evs, err := workflow.Decide(r.in, r.def, cmd)
	if err != nil {
		t.Fatalf("%s refused: %v", cmd.CommandType(), err)
	}
	for _, e := range evs {
		m.Fold(nil, r.in.ID, e)
	}
	r.in = next
}

func check(t *rapid.T, m *Motion, runs []*run) {
	sum := map[string]map[string]Counts{}
	for _, r := range runs {
		for _, s := range r.def.Steps() {
			p := PhaseOf(r.in, s.ID)
			if r.in.Exists() && m.Phase(r.in.ID, s.ID) != p {
				t.Fatalf("%s at %s: phase %d, want %d (step %s, instance %s)", r.in.ID, s.ID, m.Phase(r.in.ID, s.ID), p, r.in.Steps[s.ID].State, r.in.State)
			}
			if sum[r.def.Workflow] == nil {
				sum[r.def.Workflow] = map[string]Counts{}
			}
			c := sum[r.def.Workflow][s.ID]
			c.add(p, 1)
			sum[r.def.Workflow][s.ID] = c
		}
	}
	for wf, steps := range sum {
		for step, c := range steps {
			got := m.Counts(wf)[step]
			if got.Running < 0 || got.Waiting < 0 || got.Failed < 0 || got != c {
				t.Fatalf("%s/%s: counts %+v, want %+v", wf, step, got, c)
			}
		}
	}
}
