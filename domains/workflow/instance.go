package workflow

import "maps"

// StepRun is the state of one step within an instance.
type StepRun struct {
	Kind    StepKind  `json:"kind"`
	State   StepState `json:"state"`
	Attempt int       `json:"attempt"`
	// Visits counts how often the step was entered (loops re-enter).
	Visits int    `json:"visits"`
	Reason string `json:"reason,omitempty"`
	// Assignee and Candidates, on an assigned approval, are its role and
	// who holds it; Candidates is nil until they are known, and stays nil
	// (with Reason saying why) when no one does.
	Assignee   *Assignee `json:"assignee,omitempty"`
	Candidates []string  `json:"candidates,omitempty"`
}

// Instance is the state of one workflow run: the fold of its events. The
// zero value is an instance that does not exist yet.
type Instance struct {
	ID         string             `json:"id"`
	Workflow   string             `json:"workflow"`
	Version    int                `json:"version"`
	State      State              `json:"state"`
	Context    map[string]any     `json:"context"`
	Steps      map[string]StepRun `json:"steps"`
	Depth      int                `json:"depth,omitempty"`
	Parent     string             `json:"parent,omitempty"`
	ParentStep string             `json:"parent_step,omitempty"`
	Reason     string             `json:"reason,omitempty"`
	// Arrived holds, per waiting join, the edges its branches came by.
	Arrived map[string][]string `json:"arrived,omitempty"`
	// Events is how many events were applied (the aggregate version).
	Events uint64 `json:"events"`
}

// Exists reports whether the instance was created.
func (in *Instance) Exists() bool { return in.Workflow != "" }

// Clone returns a copy that shares nothing mutable with in.
func (in *Instance) Clone() *Instance {
	c := *in
	c.Context = cloneContext(in.Context)
	c.Steps = maps.Clone(in.Steps)
	c.Arrived = nil
	for k, v := range in.Arrived {
		if c.Arrived == nil {
			c.Arrived = make(map[string][]string, len(in.Arrived))
		}
		c.Arrived[k] = append([]string(nil), v...)
	}
	return &c
}

// Active lists the steps under way, in no particular order.
func (in *Instance) Active() []string {
	var ids []string
	for id, r := range in.Steps {
		if r.State.Active() {
			ids = append(ids, id)
		}
	}
	return ids
}

// Replay folds events into a new instance.
func Replay(id string, events []Event) *Instance {
	in := &Instance{ID: id}
	for _, e := range events {
		in.Apply(e)
	}
	return in
}

// Apply folds one event into the instance. It never fails: events are
// facts, and an event that does not fit changes nothing it cannot.
func (in *Instance) Apply(e Event) {
	in.Events++
	if in.Steps == nil {
		in.Steps = map[string]StepRun{}
	}
	if in.Context == nil {
		in.Context = map[string]any{}
	}
	if fn, ok := appliers[e.Type]; ok {
		fn(in, e)
	}
}

var appliers = map[string]func(*Instance, Event){
	EvtInstanceCreated:      func(in *Instance, e Event) { in.begin(e, Draft) },
	EvtInstanceStarted:      func(in *Instance, e Event) { in.begin(e, Running) },
	EvtStepStarted:          (*Instance).applyStepStarted,
	EvtStepCompleted:        (*Instance).applyStepCompleted,
	EvtStepFailed:           func(in *Instance, e Event) { in.setStep(e.Step, StepFailed, e.Reason) },
	EvtStepRetried:          (*Instance).applyStepRetried,
	EvtStepSkipped:          func(in *Instance, e Event) { in.setStep(e.Step, StepSkipped, "") },
	EvtBranchArrived:        (*Instance).applyBranchArrived,
	EvtApprovalRequested:    (*Instance).applyApprovalRequested,
	EvtApprovalAssigned:     func(in *Instance, e Event) { in.setCandidates(e.Step, e.Candidates, "") },
	EvtApprovalUnassigned:   func(in *Instance, e Event) { in.setCandidates(e.Step, nil, e.Reason) },
	EvtApproved:             func(*Instance, Event) {},
	EvtSubworkflowRequested: func(*Instance, Event) {}, // the step stays running until its child ends
	EvtRejected:             func(*Instance, Event) {},
	EvtInstancePaused:       func(in *Instance, e Event) { in.State = Paused },
	EvtResumed:              func(in *Instance, e Event) { in.State = Running },
	EvtCancelled:            func(in *Instance, e Event) { in.end(Cancelled, e.Reason) },
	EvtCompleted:            func(in *Instance, e Event) { in.end(Completed, "") },
	EvtFailed:               func(in *Instance, e Event) { in.end(Failed, e.Reason) },
}

func (in *Instance) begin(e Event, s State) {
	if e.Workflow != "" {
		in.Workflow, in.Version, in.Depth = e.Workflow, e.Version, e.Depth
		in.Parent, in.ParentStep = e.Parent, e.ParentStep
	}
	if e.Context != nil || in.Context == nil {
		in.Context = cloneContext(e.Context)
	}
	in.State = s
}

func (in *Instance) applyStepStarted(e Event) {
	r := in.Steps[e.Step]
	r.Kind, r.State, r.Attempt, r.Reason = e.Kind, StepRunning, e.Attempt, ""
	r.Visits++
	in.Steps[e.Step] = r
	delete(in.Arrived, e.Step)
}

func (in *Instance) applyStepCompleted(e Event) {
	in.setStep(e.Step, StepCompleted, "")
	for k, v := range e.Outputs {
		in.Context[k] = v
	}
}

func (in *Instance) applyStepRetried(e Event) {
	r := in.Steps[e.Step]
	r.State, r.Attempt = StepPending, e.Attempt
	in.Steps[e.Step] = r
}

func (in *Instance) applyBranchArrived(e Event) {
	if in.Arrived == nil {
		in.Arrived = map[string][]string{}
	}
	in.Arrived[e.Step] = append(in.Arrived[e.Step], e.Edge)
	r := in.Steps[e.Step]
	r.Kind, r.State = KindJoin, StepPending
	in.Steps[e.Step] = r
}

func (in *Instance) applyApprovalRequested(e Event) {
	r := in.Steps[e.Step]
	r.State, r.Reason, r.Assignee, r.Candidates = StepWaitingApproval, "", nil, nil
	if e.Unit != "" || e.Role != "" {
		r.Assignee = &Assignee{Org: e.Org, Unit: e.Unit, Role: e.Role}
	}
	in.Steps[e.Step] = r
}

// setCandidates records who may decide an assigned approval (a new slice:
// clones of the instance share StepRuns' slices).
func (in *Instance) setCandidates(id string, who []string, reason string) {
	r := in.Steps[id]
	r.Candidates, r.Reason = append([]string(nil), who...), reason
	in.Steps[id] = r
}

func (in *Instance) setStep(id string, s StepState, reason string) {
	r := in.Steps[id]
	r.State, r.Reason = s, reason
	in.Steps[id] = r
}

// end makes the instance terminal; steps still under way are cancelled.
func (in *Instance) end(s State, reason string) {
	in.State, in.Reason = s, reason
	for _, id := range in.Active() {
		in.setStep(id, StepCancelled, "")
	}
	in.Arrived = nil
}

func cloneContext(c map[string]any) map[string]any {
	out := make(map[string]any, len(c))
	for k, v := range c {
		out[k] = v
	}
	return out
}
