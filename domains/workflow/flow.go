package workflow

import (
	"errors"
	"fmt"
)

var errNoBranch = errors.New("no condition holds and there is no default branch")

// flow is one Decide call at work: a private copy of the instance that
// every emitted event is applied to at once, so each next decision sees
// the state the events so far produced.
type flow struct {
	inst   *Instance
	def    *Definition
	events []Event
	// queue holds arrivals not yet handled: a step reached by an edge.
	queue []arrival
}

type arrival struct{ step, edge string }

func (f *flow) emit(e Event) {
	f.inst.Apply(e)
	f.events = append(f.events, e)
}

func (f *flow) arrive(step, edge string) { f.queue = append(f.queue, arrival{step, edge}) }

// run handles arrivals, breadth first, until the instance waits for
// someone or ends.
func (f *flow) run() {
	for len(f.queue) > 0 && f.inst.State == Running {
		if len(f.events) > MaxCascade {
			f.emit(Event{Type: EvtFailed, Reason: fmt.Sprintf("more than %d events from one command: steps loop without waiting", MaxCascade)})
			return
		}
		a := f.queue[0]
		f.queue = f.queue[1:]
		f.enter(a)
	}
}

func (f *flow) enter(a arrival) {
	s, _ := f.def.Step(a.step)
	if s.Kind == KindJoin {
		f.emit(Event{Type: EvtBranchArrived, Step: s.ID, Edge: a.edge})
		if len(f.inst.Arrived[s.ID]) < len(f.def.In(s.ID)) {
			return
		}
	}
	f.start(s, 1)
}

// start begins an attempt of a step. Steps that wait for nobody complete
// at once.
func (f *flow) start(s Step, attempt int) {
	f.emit(Event{Type: EvtStepStarted, Step: s.ID, Kind: s.Kind, Attempt: attempt})
	switch {
	case s.Kind == KindApproval:
		f.emit(approvalRequest(s, attempt))
	case s.Kind == KindSubworkflow && f.inst.Depth >= MaxDepth:
		f.fail(s.ID, fmt.Sprintf("subworkflow depth limit %d reached", MaxDepth), false)
	case s.Kind == KindSubworkflow:
		f.emit(Event{Type: EvtSubworkflowRequested, Step: s.ID})
	case !s.Kind.waits():
		f.complete(s.ID, nil)
	}
}

// approvalRequest is an approval step's approval_requested event, naming
// its assignee's unit and role when it has one.
func approvalRequest(s Step, attempt int) Event {
	e := Event{Type: EvtApprovalRequested, Step: s.ID}
	if s.Assignee != nil {
		e.Org, e.Unit, e.Role, e.Attempt = s.Assignee.Org, s.Assignee.Unit, s.Assignee.Role, attempt
	}
	return e
}

// complete finishes a step and follows its outgoing edges.
func (f *flow) complete(id string, outputs map[string]any) {
	ctx := f.inst.Context
	if len(outputs) > 0 {
		ctx = cloneContext(ctx)
		for k, v := range outputs {
			ctx[k] = v
		}
	}
	next, err := f.next(id, ctx)
	if err != nil {
		f.fail(id, err.Error(), false)
		return
	}
	f.emit(Event{Type: EvtStepCompleted, Step: id, Outputs: outputs, Next: edgeIDs(next)})
	f.follow(id, next)
}

// leave follows a skipped step's edges as if it had completed.
func (f *flow) leave(id string) {
	next, err := f.next(id, f.inst.Context)
	if err != nil {
		f.emit(Event{Type: EvtFailed, Reason: fmt.Sprintf("step %q: %v", id, err)})
		return
	}
	f.follow(id, next)
}

func (f *flow) follow(id string, next []Transition) {
	if s, _ := f.def.Step(id); s.Kind == KindEnd {
		f.emit(Event{Type: EvtCompleted})
		return
	}
	for _, t := range next {
		f.arrive(t.To, t.ID)
	}
}

// next picks the edges a step leaves by: a decision's first true
// condition (else its default), every branch of a fork, else the one edge.
func (f *flow) next(id string, ctx map[string]any) ([]Transition, error) {
	s, _ := f.def.Step(id)
	out := f.def.Out(id)
	if s.Kind != KindDecision {
		return out, nil
	}
	var def []Transition
	for _, t := range out {
		if t.Default {
			def = []Transition{t}
			continue
		}
		ok, err := t.Condition.Bool(ctx)
		if err != nil {
			return nil, fmt.Errorf("condition of edge %q: %w", t.ID, err)
		}
		if ok {
			return []Transition{t}, nil
		}
	}
	if def == nil {
		return nil, errNoBranch
	}
	return def, nil
}

// fail records a failed attempt; it is retried while retries are left
// (when retryable), else the instance fails.
func (f *flow) fail(id, reason string, retryable bool) {
	run := f.inst.Steps[id]
	f.emit(Event{Type: EvtStepFailed, Step: id, Attempt: run.Attempt, Reason: reason})
	s, _ := f.def.Step(id)
	if retryable && run.Attempt <= s.Retries {
		f.retry(id, run.Attempt+1)
		return
	}
	f.emit(Event{Type: EvtFailed, Reason: fmt.Sprintf("step %q failed: %s", id, reason)})
}

func (f *flow) retry(id string, attempt int) {
	f.emit(Event{Type: EvtStepRetried, Step: id, Attempt: attempt})
	s, _ := f.def.Step(id)
	f.start(s, attempt)
}

func edgeIDs(ts []Transition) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}
