package workflow

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/domains/workflow/expr"
	"github.com/cimviz/cimviz/graph"
)

// StepKind is what a step does; it is the node's Kind in the drawn graph.
type StepKind string

// Step kinds.
const (
	KindStart       StepKind = "start"
	KindEnd         StepKind = "end"
	KindManual      StepKind = "manual"
	KindAutomated   StepKind = "automated"
	KindDecision    StepKind = "decision"
	KindApproval    StepKind = "approval"
	KindFork        StepKind = "fork"
	KindJoin        StepKind = "join"
	KindSubworkflow StepKind = "subworkflow"
)

var knownKinds = map[StepKind]bool{KindStart: true, KindEnd: true, KindManual: true, KindAutomated: true,
	KindDecision: true, KindApproval: true, KindFork: true, KindJoin: true, KindSubworkflow: true}

// waits reports whether a step of this kind waits for someone (a person, a
// worker, a child instance); the others complete as soon as they start.
func (k StepKind) waits() bool {
	return k == KindManual || k == KindAutomated || k == KindApproval || k == KindSubworkflow
}

// DefaultLabel marks a decision's default branch.
const DefaultLabel = "default"

// MaxRetries bounds the "retries" property.
const MaxRetries = 100

// Step is one node of a definition.
type Step struct {
	ID    string
	Kind  StepKind
	Label string
	// Retries is how many times a failed step is started again.
	Retries int
	// Call is the workflow a subworkflow step runs.
	Call string
	// Decrement is the context variable a subworkflow's child gets one less of.
	Decrement string
	// Assignee, on an approval step, names the role whose holders alone
	// may approve or reject it; nil lets anyone decide.
	Assignee *Assignee
}

// Transition is one edge of a definition.
type Transition struct {
	ID, From, To string
	// Condition is nil for an unconditional edge and for the default branch.
	Condition *expr.Expr
	Default   bool
}

// Definition is a validated workflow at one version. It is immutable once
// compiled and safe to share.
type Definition struct {
	Workflow string
	Name     string
	Version  int
	Start    string
	Graph    *graph.Graph
	steps    map[string]Step
	out, in  map[string][]Transition
}

// Step returns the step with the ID.
func (d *Definition) Step(id string) (Step, bool) { s, ok := d.steps[id]; return s, ok }

// Out returns the transitions leaving a step, in the graph's edge order
// (the order a decision tries its conditions in).
func (d *Definition) Out(id string) []Transition { return d.out[id] }

// In returns the transitions entering a step.
func (d *Definition) In(id string) []Transition { return d.in[id] }

// Steps returns the steps in the graph's node order.
func (d *Definition) Steps() []Step {
	s := make([]Step, 0, len(d.Graph.Nodes))
	for _, n := range d.Graph.Nodes {
		s = append(s, d.steps[n.ID])
	}
	return s
}

// Compile validates g as a workflow and returns its definition at version.
// When g is not a valid workflow the error is a [*ValidationError] listing
// every problem at once.
func Compile(g *graph.Graph, version int) (*Definition, error) {
	g = g.Clone()
	if err := g.Reindex(); err != nil {
		return nil, &ValidationError{Workflow: g.ID, Problems: []Problem{{Msg: err.Error()}}}
	}
	d := &Definition{Workflow: g.ID, Name: g.Name, Version: version, Graph: g,
		steps: map[string]Step{}, out: map[string][]Transition{}, in: map[string][]Transition{}}
	v := &validator{def: d}
	v.build()
	v.check()
	if len(v.problems) > 0 {
		return nil, &ValidationError{Workflow: g.ID, Problems: v.problems}
	}
	return d, nil
}

// DecodeGraph reads a graph from its JSON form (graph.Graph's field tags).
func DecodeGraph(data []byte) (*graph.Graph, error) {
	g := graph.New("", "")
	if err := json.Unmarshal(data, g); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := g.Reindex(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return g, nil
}

func stepOf(n graph.Node) (Step, []Problem) {
	s := Step{ID: n.ID, Kind: StepKind(n.Kind), Label: n.Label, Call: n.Ref, Decrement: n.Props["decrement"]}
	if s.Call == "" {
		s.Call = n.Props["workflow"]
	}
	var probs []Problem
	s.Assignee, probs = assigneeOf(n)
	if r, ok := n.Props["retries"]; ok {
		k, err := strconv.Atoi(r)
		if err != nil || k < 0 || k > MaxRetries {
			probs = append(probs, nodeProblem(n.ID, "retries %q is not a whole number from 0 to %d", r, MaxRetries))
		}
		s.Retries = k
	}
	return s, probs
}

func transitionOf(e graph.Edge) (Transition, *Problem) {
	t := Transition{ID: e.ID, From: e.From, To: e.To}
	switch {
	case e.Label == DefaultLabel || e.Kind == DefaultLabel:
		t.Default = true
	case e.Label != "":
		c, err := expr.Parse(e.Label)
		if err != nil {
			p := edgeProblem(e.ID, "condition %q: %v", e.Label, err)
			return t, &p
		}
		t.Condition = c
	}
	return t, nil
}
