package workflow

import (
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore"
)

// validator collects every problem of one graph.
type validator struct {
	def      *Definition
	problems []Problem
}

func (v *validator) add(p ...Problem) { v.problems = append(v.problems, p...) }

func (v *validator) build() {
	if err := eventstore.CheckToken("workflow id", v.def.Workflow); err != nil {
		v.add(Problem{Msg: fmt.Sprintf("workflow id: %v", err)})
	}
	for _, n := range v.def.Graph.Nodes {
		s, probs := stepOf(n)
		v.add(probs...)
		if err := eventstore.CheckToken("step id", n.ID); err != nil {
			v.add(nodeProblem(n.ID, "%v", err))
		}
		v.def.steps[n.ID] = s
	}
	for _, e := range v.def.Graph.Edges {
		t, p := transitionOf(e)
		if p != nil {
			v.add(*p)
		}
		v.def.out[e.From] = append(v.def.out[e.From], t)
		v.def.in[e.To] = append(v.def.in[e.To], t)
	}
}

func (v *validator) check() {
	v.checkStart()
	for _, s := range v.def.Steps() {
		v.checkStep(s)
	}
	for _, e := range v.def.Graph.Edges {
		if e.From == e.To {
			v.add(edgeProblem(e.ID, "a step cannot lead to itself; use the step's retries"))
		}
	}
	v.checkPaths()
	v.checkForks()
}

func (v *validator) checkStart() {
	var starts []string
	for _, s := range v.def.Steps() {
		if s.Kind == KindStart {
			starts = append(starts, s.ID)
		}
	}
	switch len(starts) {
	case 0:
		v.add(Problem{Msg: "no start step; a workflow needs exactly one"})
	case 1:
		v.def.Start = starts[0]
	default:
		for _, id := range starts[1:] {
			v.add(nodeProblem(id, "second start step (the first is %q); a workflow needs exactly one", starts[0]))
		}
		v.def.Start = starts[0]
	}
}

func (v *validator) checkStep(s Step) {
	out, in := v.def.out[s.ID], v.def.in[s.ID]
	switch {
	case !knownKinds[s.Kind]:
		v.add(nodeProblem(s.ID, "unknown step kind %q (want start, end, manual, automated, decision, approval, fork, join or subworkflow)", s.Kind))
		return
	case s.Kind == KindStart && len(in) > 0:
		v.add(nodeProblem(s.ID, "start step has %d incoming edge(s); nothing may lead back to the start", len(in)))
	case s.Kind == KindSubworkflow && s.Call == "":
		v.add(nodeProblem(s.ID, "subworkflow step names no workflow (set the node's ref)"))
	}
	v.checkOutDegree(s, out)
	v.checkConditions(s, out)
	if s.Kind == KindJoin && len(in) < 2 {
		v.add(nodeProblem(s.ID, "join has %d incoming branch(es); it needs at least 2", len(in)))
	}
}

func (v *validator) checkOutDegree(s Step, out []Transition) {
	switch {
	case s.Kind == KindEnd && len(out) > 0:
		v.add(nodeProblem(s.ID, "end step has %d outgoing edge(s); an end leads nowhere", len(out)))
	case s.Kind == KindFork && len(out) < 2:
		v.add(nodeProblem(s.ID, "fork has %d branch(es); it needs at least 2", len(out)))
	case s.Kind == KindDecision && len(out) == 0:
		v.add(nodeProblem(s.ID, "decision has no branches"))
	case s.Kind != KindEnd && s.Kind != KindFork && s.Kind != KindDecision && len(out) != 1:
		v.add(nodeProblem(s.ID, "%s step has %d outgoing edges; it needs exactly 1 (only forks and decisions branch)", s.Kind, len(out)))
	}
}

func (v *validator) checkConditions(s Step, out []Transition) {
	defaults := 0
	for _, t := range out {
		e, _ := v.def.Graph.Edge(t.ID)
		switch {
		case s.Kind != KindDecision && e.Label != "":
			v.add(edgeProblem(t.ID, "has condition %q but leaves a %s step; only a decision's edges take conditions", e.Label, s.Kind))
		case s.Kind == KindDecision && e.Label == "" && !t.Default:
			v.add(edgeProblem(t.ID, "leaves decision %q without a condition; give it one or label it %q", s.ID, DefaultLabel))
		}
		if t.Default {
			defaults++
		}
	}
	if defaults > 1 {
		v.add(nodeProblem(s.ID, "decision has %d default branches; it may have one", defaults))
	}
}
