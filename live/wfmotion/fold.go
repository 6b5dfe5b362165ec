package wfmotion

import "github.com/cimviz/cimviz/domains/workflow"

// Fold applies one event of instance id and returns the transitions it
// took (appended to dst, which may be nil). Events of instances whose
// start was not seen, and events that do not fit, change nothing.
func (m *Motion) Fold(dst []Transition, id string, e workflow.Event) []Transition {
	switch e.Type {
	case workflow.EvtInstanceCreated, workflow.EvtInstanceStarted:
		m.begin(id, e.Workflow)
		return dst
	}
	in, ok := m.inst[id]
	if !ok || (in.ended && !leaves(e.Type)) {
		return dst
	}
	return m.step(dst, id, in, e)
}

// leaves reports whether an event makes an instance leave without a
// trace (even one that failed before: the last word wins).
func leaves(typ string) bool { return typ == workflow.EvtCompleted || typ == workflow.EvtCancelled }

func (m *Motion) begin(id, wf string) {
	if wf == "" {
		return
	}
	if old, ok := m.inst[id]; ok {
		if old.workflow == wf && !old.ended {
			return // created, then started: the same run
		}
		m.drop(id, old)
	}
	m.inst[id] = &instance{workflow: wf, steps: map[string]Phase{}}
}

// step folds a step or lifecycle event of a followed instance.
func (m *Motion) step(dst []Transition, id string, in *instance, e workflow.Event) []Transition {
	switch e.Type {
	case workflow.EvtStepStarted:
		m.set(in, e.Step, Running)
	case workflow.EvtApprovalRequested, workflow.EvtStepRetried:
		m.set(in, e.Step, Waiting)
	case workflow.EvtBranchArrived:
		m.set(in, e.Step, Waiting)
		dst = m.took(dst, in, e.Edge)
	case workflow.EvtStepFailed:
		m.set(in, e.Step, Failed)
	case workflow.EvtStepCompleted:
		m.set(in, e.Step, None)
		for _, edge := range e.Next {
			dst = m.took(dst, in, edge)
		}
	case workflow.EvtStepSkipped:
		m.set(in, e.Step, None)
	case workflow.EvtCompleted, workflow.EvtCancelled:
		m.drop(id, in)
	case workflow.EvtFailed:
		m.fail(id, in)
	}
	return dst
}

func (m *Motion) took(dst []Transition, in *instance, edge string) []Transition {
	if edge == "" {
		return dst
	}
	return append(dst, Transition{Workflow: in.workflow, Edge: edge})
}

// set moves an instance at one step to phase p, keeping the counts.
func (m *Motion) set(in *instance, step string, p Phase) {
	old := in.steps[step]
	if step == "" || old == p {
		return
	}
	m.count(in.workflow, step, old, -1)
	m.count(in.workflow, step, p, +1)
	if p == None {
		delete(in.steps, step)
	} else {
		in.steps[step] = p
	}
}

// fail ends an instance: only its failed steps keep counting, until
// MaxFailed newer failures push it out.
func (m *Motion) fail(id string, in *instance) {
	for step, p := range in.steps {
		if p != Failed {
			m.set(in, step, None)
		}
	}
	in.ended = true
	m.failed = append(m.failed, id)
	for len(m.failed) > MaxFailed {
		old := m.failed[0]
		m.failed = m.failed[1:]
		if o, ok := m.inst[old]; ok && o.ended {
			m.drop(old, o)
		}
	}
}

// drop forgets an instance and everything it counted.
func (m *Motion) drop(id string, in *instance) {
	for step := range in.steps {
		m.set(in, step, None)
	}
	delete(m.inst, id)
}

func (m *Motion) count(wf, step string, p Phase, d int) {
	if p == None {
		return
	}
	steps := m.counts[wf]
	if steps == nil {
		steps = map[string]Counts{}
		m.counts[wf] = steps
	}
	c := steps[step]
	c.add(p, d)
	if c.Zero() {
		delete(steps, step)
	} else {
		steps[step] = c
	}
	m.rev[wf]++
}
