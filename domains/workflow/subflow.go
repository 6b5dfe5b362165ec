package workflow

import "fmt"

// ChildID names the child instance a subworkflow step's attempt runs. It
// is derived, not random, so a service that reacts to the same
// step_started twice starts the child once (the second start is refused
// as ErrIllegal: the child is running already).
func ChildID(parent, step string, visit, attempt int) string {
	return fmt.Sprintf("%s-%s%d-%d", parent, step, visit, attempt)
}

// ChildStart is the command that runs the child of a started subworkflow
// step: an instance of the step's workflow, one level deeper, with the
// parent's context in which the step's "decrement" variable is one less.
func ChildStart(parent *Instance, def *Definition, step string) (StartInstance, error) {
	s, ok := def.Step(step)
	if !ok || s.Kind != KindSubworkflow {
		return StartInstance{}, fmt.Errorf("%w: %q is not a subworkflow step of %q", ErrNotFound, step, def.Workflow)
	}
	run := parent.Steps[step]
	ctx := cloneContext(parent.Context)
	if s.Decrement != "" {
		n, ok := ctx[s.Decrement].(float64)
		if !ok {
			return StartInstance{}, fmt.Errorf("%w: step %q decrements %q, which is %v, not a number", ErrInvalid, step, s.Decrement, ctx[s.Decrement])
		}
		ctx[s.Decrement] = n - 1
	}
	return StartInstance{Instance: ChildID(parent.ID, step, run.Visits, run.Attempt), Workflow: s.Call,
		Context: ctx, Depth: parent.Depth + 1, Parent: parent.ID, ParentStep: step}, nil
}

// ParentReport is the command that tells a child's parent how the child
// ended: CompleteStep with the child's context as outputs (less the
// decremented counter, which stays the parent's own), or FailStep. It
// returns false while the child runs or when it has no parent.
func ParentReport(child *Instance, parentDef *Definition) (Command, bool) {
	if child.Parent == "" || !child.State.Terminal() {
		return nil, false
	}
	r := StepRef{Instance: child.Parent, Step: child.ParentStep}
	if child.State != Completed {
		return FailStep{StepRef: r, Reason: fmt.Sprintf("child %s %s: %s", child.ID, child.State, child.Reason)}, true
	}
	out := cloneContext(child.Context)
	if parentDef != nil {
		if s, ok := parentDef.Step(child.ParentStep); ok && s.Decrement != "" {
			delete(out, s.Decrement)
		}
	}
	return CompleteStep{StepRef: r, Outputs: out}, true
}
