package workflow

// Command is one request to change a workflow instance. CommandType is the
// stable wire name (the last token of cim.workflow.cmd.<type>).
type Command interface {
	CommandType() string
	Target() string
}

// Command type names.
const (
	TypeCreateInstance = "create_instance"
	TypeStartInstance  = "start_instance"
	TypeCompleteStep   = "complete_step"
	TypeFailStep       = "fail_step"
	TypeRetryStep      = "retry_step"
	TypeSkipStep       = "skip_step"
	TypeApprove        = "approve"
	TypeReject         = "reject"
	TypeAssignApproval = "assign_approval"
	TypePause          = "pause"
	TypeResume         = "resume"
	TypeCancel         = "cancel"
)

// CreateInstance makes a Draft instance of the workflow's newest version,
// to be started later.
type CreateInstance struct {
	Instance string         `json:"instance"`
	Workflow string         `json:"workflow"`
	Context  map[string]any `json:"context,omitempty"`
}

// StartInstance runs an instance: a Draft one, or a new one of Workflow's
// newest version with Context. Parent, ParentStep and Depth are set when a
// subworkflow step starts a child.
type StartInstance struct {
	Instance   string         `json:"instance"`
	Workflow   string         `json:"workflow,omitempty"`
	Context    map[string]any `json:"context,omitempty"`
	Depth      int            `json:"depth,omitempty"`
	Parent     string         `json:"parent,omitempty"`
	ParentStep string         `json:"parent_step,omitempty"`
}

// StepRef names a step of an instance. Attempt, when non-zero, makes the
// command apply only to that attempt, so a late report about an attempt
// that was retried since is refused instead of completing the new one.
type StepRef struct {
	Instance string `json:"instance"`
	Step     string `json:"step"`
	Attempt  int    `json:"attempt,omitempty"`
}

// CompleteStep reports a manual, automated or subworkflow step done;
// Outputs are set as context variables.
type CompleteStep struct {
	StepRef
	Outputs map[string]any `json:"outputs,omitempty"`
}

// FailStep reports a step failed; it is retried while it has retries left,
// after that the instance fails.
type FailStep struct {
	StepRef
	Reason string `json:"reason,omitempty"`
}

// RetryStep starts a running step again (a new attempt), for instance when
// its worker is gone.
type RetryStep struct{ StepRef }

// SkipStep passes over a running step as if it had completed with no
// outputs.
type SkipStep struct{ StepRef }

// Approve grants an approval step; Outputs are set as context variables.
// Actor is the principal sending it (the X-Actor header, never the body);
// an assigned approval takes only a candidate's, and the approved event
// records it as By.
type Approve struct {
	StepRef
	By      string         `json:"by,omitempty"`
	Outputs map[string]any `json:"outputs,omitempty"`
	Actor   string         `json:"-"`
}

// Reject refuses an approval step; the instance fails (a rejection is not
// retried). Actor is as for [Approve].
type Reject struct {
	StepRef
	By     string `json:"by,omitempty"`
	Reason string `json:"reason,omitempty"`
	Actor  string `json:"-"`
}

// AssignApproval records the candidates of a waiting assigned approval
// (the holders of its role, as the organization domain answered); none
// makes it unassigned, with Reason saying why.
type AssignApproval struct {
	StepRef
	Candidates []string `json:"candidates,omitempty"`
	Reason     string   `json:"reason,omitempty"`
}

// Pause holds a running instance: step commands are refused until Resume.
type Pause struct {
	Instance string `json:"instance"`
}

// Resume continues a paused instance.
type Resume struct {
	Instance string `json:"instance"`
}

// Cancel ends an instance that has not ended.
type Cancel struct {
	Instance string `json:"instance"`
	Reason   string `json:"reason,omitempty"`
}

func (CreateInstance) CommandType() string { return TypeCreateInstance }
func (StartInstance) CommandType() string  { return TypeStartInstance }
func (CompleteStep) CommandType() string   { return TypeCompleteStep }
func (FailStep) CommandType() string       { return TypeFailStep }
func (RetryStep) CommandType() string      { return TypeRetryStep }
func (SkipStep) CommandType() string       { return TypeSkipStep }
func (Approve) CommandType() string        { return TypeApprove }
func (Reject) CommandType() string         { return TypeReject }
func (AssignApproval) CommandType() string { return TypeAssignApproval }
func (Pause) CommandType() string          { return TypePause }
func (Resume) CommandType() string         { return TypeResume }
func (Cancel) CommandType() string         { return TypeCancel }

func (c CreateInstance) Target() string { return c.Instance }
func (c StartInstance) Target() string  { return c.Instance }
func (c StepRef) Target() string        { return c.Instance }
func (c Pause) Target() string          { return c.Instance }
func (c Resume) Target() string         { return c.Instance }
func (c Cancel) Target() string         { return c.Instance }
