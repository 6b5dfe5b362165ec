package workflow

import (
	"strings"
	"testing"
)

// recursion runs the recursive template in memory, playing the part of
// the service (children started from subworkflow_requested, parents told when a
// child ends) and of workers (automated steps completed at once).
type recursion struct {
	t     *testing.T
	def   *Definition
	insts map[string]*Instance
}

func (r *recursion) do(c Command) {
	r.t.Helper()
	in := r.insts[c.Target()]
	if in == nil {
		in = &Instance{}
	}
	next, evs, err := Decide(in, r.def, c)
	if err != nil {
		r.t.Fatalf("%s %s: %v", c.CommandType(), c.Target(), err)
	}
	r.insts[c.Target()] = next
	for _, e := range evs {
		r.react(next, e)
	}
}

func (r *recursion) react(in *Instance, e Event) {
	switch {
	case e.Type == EvtSubworkflowRequested && in.State == Running:
		child, err := ChildStart(in, r.def, e.Step)
		if err != nil {
			r.t.Fatal(err)
		}
		r.do(child)
	case e.Type == EvtStepStarted && e.Kind == KindAutomated:
		r.do(CompleteStep{StepRef: StepRef{Instance: in.ID, Step: e.Step}})
	case e.Type == EvtCompleted || e.Type == EvtFailed:
		if c, ok := ParentReport(in, r.def); ok {
			r.do(c)
		}
	}
}

// recursiveDef compiles the recursive template.
func recursiveDef(t *testing.T) *Definition {
	t.Helper()
	g, err := Template("recursive-countdown")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Compile(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func runRecursion(t *testing.T, n float64) map[string]*Instance {
	d := recursiveDef(t)
	r := &recursion{t: t, def: d, insts: map[string]*Instance{}}
	r.do(StartInstance{Instance: "root", Workflow: d.Workflow, Context: map[string]any{"n": n}})
	return r.insts
}

func TestRecursionCountsDown(t *testing.T) {
	insts := runRecursion(t, 3)
	if len(insts) != 4 {
		t.Fatalf("%d instances, want root and 3 children", len(insts))
	}
	for id, in := range insts {
		if in.State != Completed {
			t.Errorf("%s (depth %d) is %s: %s", id, in.Depth, in.State, in.Reason)
		}
		if want := 3 - float64(in.Depth); in.Context["n"] != want {
			t.Errorf("%s at depth %d has n=%v, want %v", id, in.Depth, in.Context["n"], want)
		}
	}
}

func TestRecursionStopsAtTheDepthLimit(t *testing.T) {
	insts := runRecursion(t, 1000)
	if len(insts) != MaxDepth+1 {
		t.Fatalf("%d instances, want %d", len(insts), MaxDepth+1)
	}
	root := insts["root"]
	if root.State != Failed || !strings.Contains(root.Reason, "failed") {
		t.Errorf("root is %s (%s), want Failed", root.State, root.Reason)
	}
	for _, in := range insts {
		if in.Depth == MaxDepth && !strings.Contains(in.Reason, "depth limit") {
			t.Errorf("deepest instance failed with %q, want the depth limit", in.Reason)
		}
	}
}

func TestDecisionErrorsFailTheInstance(t *testing.T) {
	d := review(t)
	in := given(t, d, StartInstance{Instance: id, Workflow: "wf"}, doWork, doAuto, doSign)
	if in.State != Failed || !strings.Contains(in.Reason, "column 1") || !strings.Contains(in.Reason, "x is not set") {
		t.Errorf("state %s, reason %q: want Failed naming the condition's column", in.State, in.Reason)
	}
}

func TestLoopsWithoutWaitingAreCut(t *testing.T) {
	g := build(t, []string{"s:start", "a:decision", "b:decision", "e:end"},
		"s>a", "a>b:default", "b>a:true", "b>e:default")
	d, err := Compile(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	in := given(t, d, StartInstance{Instance: id, Workflow: "wf"})
	if in.State != Failed || !strings.Contains(in.Reason, "loop") {
		t.Errorf("state %s (%s), want Failed on the cascade limit", in.State, in.Reason)
	}
}

// A subworkflow step that starts asks for its child right after
// (subworkflow_requested, what the service's reactor follows); at the
// depth limit it fails instead of asking.
func TestASubworkflowStepAsksForItsChild(t *testing.T) {
	d := recursiveDef(t)
	asks := func(depth int) (requested, failed bool) {
		in := &Instance{}
		_, evs, err := Decide(in, d, StartInstance{Instance: "r", Workflow: d.Workflow, Context: map[string]any{"n": 3.0}, Depth: depth})
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range evs {
			if e.Type == EvtSubworkflowRequested {
				if i == 0 || evs[i-1].Type != EvtStepStarted || evs[i-1].Step != e.Step || evs[i-1].Kind != KindSubworkflow {
					t.Fatalf("subworkflow_requested:%s does not follow its step's start: %v", e.Step, brief(evs))
				}
				requested = true
			}
			failed = failed || e.Type == EvtStepFailed
		}
		return requested, failed
	}
	if requested, failed := asks(0); !requested || failed {
		t.Errorf("at depth 0: asked for a child %v, failed %v; want asked, not failed", requested, failed)
	}
	if requested, failed := asks(MaxDepth); requested || !failed {
		t.Errorf("at the depth limit: asked for a child %v, failed %v; want failed, not asked", requested, failed)
	}
}
