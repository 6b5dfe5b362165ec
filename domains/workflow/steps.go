package workflow

import "fmt"

// stepCommand handles the commands about one step of a running instance.
func (f *flow) stepCommand(cmd Command) error {
	ref, need, action := stepTarget(cmd)
	if action == "" {
		return fmt.Errorf("%w: unknown command %T", ErrInvalid, cmd)
	}
	if err := f.checkStep(ref, need, action); err != nil {
		return err
	}
	switch c := cmd.(type) {
	case CompleteStep:
		f.complete(c.Step, c.Outputs)
	case FailStep:
		f.fail(c.Step, orDefault(c.Reason, "failed"), true)
	case RetryStep:
		f.retry(c.Step, f.inst.Steps[c.Step].Attempt+1)
	case SkipStep:
		f.emit(Event{Type: EvtStepSkipped, Step: c.Step})
		f.leave(c.Step)
	case Approve:
		return f.approve(c)
	case Reject:
		return f.reject(c)
	case AssignApproval:
		return f.assign(c)
	}
	f.run()
	return nil
}

// approve grants an approval its actor may decide; the approved event
// names the actor (else the By the command gives).
func (f *flow) approve(c Approve) error {
	if err := f.authorize(c.Step, c.Actor); err != nil {
		return err
	}
	f.emit(Event{Type: EvtApproved, Step: c.Step, By: orDefault(c.Actor, c.By)})
	f.complete(c.Step, c.Outputs)
	f.run()
	return nil
}

// reject refuses an approval its actor may decide; the instance fails.
func (f *flow) reject(c Reject) error {
	if err := f.authorize(c.Step, c.Actor); err != nil {
		return err
	}
	f.emit(Event{Type: EvtRejected, Step: c.Step, By: orDefault(c.Actor, c.By), Reason: c.Reason})
	f.fail(c.Step, "rejected: "+orDefault(c.Reason, "no reason given"), false)
	return nil
}

var (
	doing   = []StepState{StepRunning}
	waiting = []StepState{StepWaitingApproval}
	either  = []StepState{StepRunning, StepWaitingApproval}
)

// stepTarget says which step a command is about, the step states it is
// allowed in, and what it does (for error messages).
func stepTarget(cmd Command) (StepRef, []StepState, string) {
	switch c := cmd.(type) {
	case CompleteStep:
		return c.StepRef, doing, "complete it"
	case FailStep:
		return c.StepRef, doing, "fail it"
	case RetryStep:
		return c.StepRef, either, "retry it"
	case SkipStep:
		return c.StepRef, either, "skip it"
	case Approve:
		return c.StepRef, waiting, "approve it"
	case Reject:
		return c.StepRef, waiting, "reject it"
	case AssignApproval:
		return c.StepRef, waiting, "assign it"
	}
	return StepRef{}, nil, ""
}

func (f *flow) checkStep(ref StepRef, need []StepState, action string) error {
	if err := f.needInstance(); err != nil {
		return err
	}
	if f.inst.State != Running {
		return illegal(fmt.Sprintf("instance %q", f.inst.ID), f.inst.State, "change step "+ref.Step)
	}
	if _, ok := f.def.Step(ref.Step); !ok {
		return fmt.Errorf("%w: step %q in workflow %q", ErrNotFound, ref.Step, f.def.Workflow)
	}
	run, ok := f.inst.Steps[ref.Step]
	if !ok {
		return fmt.Errorf("%w: step %q has not started, cannot %s", ErrIllegal, ref.Step, action)
	}
	if !contains(need, run.State) {
		return illegal(fmt.Sprintf("step %q", ref.Step), run.State, action)
	}
	if ref.Attempt != 0 && ref.Attempt != run.Attempt {
		return fmt.Errorf("%w: step %q is at attempt %d, not %d", ErrIllegal, ref.Step, run.Attempt, ref.Attempt)
	}
	return nil
}

func contains(states []StepState, s StepState) bool {
	for _, x := range states {
		if x == s {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
