package wfmotion

import "github.com/cimviz/cimviz/domains/workflow"

// Adopt takes in an instance whose start was not seen (the editor opened
// while it ran) from a snapshot of its state, as the workflow service
// answers it: it then counts where the instance stands, as if every event
// so far had been folded, and later events fold onto it. A snapshot of an
// instance already followed replaces what was known of it.
func (m *Motion) Adopt(id string, in *workflow.Instance) {
	if old, ok := m.inst[id]; ok {
		m.drop(id, old)
	}
	if !in.Exists() || in.State == workflow.Completed || in.State == workflow.Cancelled {
		return
	}
	m.begin(id, in.Workflow)
	run := m.inst[id]
	for step := range in.Steps {
		m.set(run, step, PhaseOf(in, step))
	}
	if in.State == workflow.Failed {
		m.fail(id, run)
	}
}

// PhaseOf is where an instance stands at one step, read from its state:
// running, waiting (for an approval, a retry or the other branches of a
// join), failed, or not there.
func PhaseOf(in *workflow.Instance, step string) Phase {
	if in.State == workflow.Completed || in.State == workflow.Cancelled {
		return None
	}
	switch in.Steps[step].State {
	case workflow.StepRunning:
		return Running
	case workflow.StepWaitingApproval, workflow.StepPending:
		return Waiting
	case workflow.StepFailed:
		return Failed
	}
	return None
}

// Follows reports whether Motion knows instance id (saw its start, or
// adopted it).
func (m *Motion) Follows(id string) bool {
	_, ok := m.inst[id]
	return ok
}
