package workflow

// State is an instance's lifecycle state.
type State string

// Instance states. Completed, Failed and Cancelled are terminal.
const (
	Draft     State = "Draft"
	Running   State = "Running"
	Paused    State = "Paused"
	Completed State = "Completed"
	Failed    State = "Failed"
	Cancelled State = "Cancelled"
)

// Terminal reports whether nothing more can happen to the instance.
func (s State) Terminal() bool { return s == Completed || s == Failed || s == Cancelled }

// StepState is the state of one step of an instance.
type StepState string

// Step states. A join that waits for its branches is Pending, and so is a
// step between a failure and its retry.
const (
	StepPending         StepState = "Pending"
	StepRunning         StepState = "Running"
	StepWaitingApproval StepState = "WaitingApproval"
	StepCompleted       StepState = "Completed"
	StepFailed          StepState = "Failed"
	StepSkipped         StepState = "Skipped"
	StepCancelled       StepState = "Cancelled"
)

// Active reports whether the step is under way (or, for a join, waiting).
func (s StepState) Active() bool {
	return s == StepPending || s == StepRunning || s == StepWaitingApproval
}

// MaxDepth is how deep subworkflows nest: an instance at depth MaxDepth
// cannot start a child, and its subworkflow step fails.
const MaxDepth = 16

// MaxCascade bounds the events one command may cause, so that a loop of
// steps that never wait (decisions leading back to each other) fails the
// instance instead of running forever.
const MaxCascade = 10000
