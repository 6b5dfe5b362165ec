package workflow

import (
	"encoding/json"
	"fmt"
)

// Event type names: the last token of cim.workflow.evt.<instance>.<type>.
const (
	EvtInstanceCreated   = "instance_created"
	EvtInstanceStarted   = "instance_started"
	EvtStepStarted       = "step_started"
	EvtStepCompleted     = "step_completed"
	EvtStepFailed        = "step_failed"
	EvtStepRetried       = "step_retried"
	EvtStepSkipped       = "step_skipped"
	EvtBranchArrived     = "branch_arrived"
	EvtApprovalRequested = "approval_requested"
	// EvtApprovalAssigned records the candidates of an assigned approval:
	// who held its role in its unit when it was requested.
	EvtApprovalAssigned = "approval_assigned"
	// EvtApprovalUnassigned records that no one holds an assigned
	// approval's role: nobody may decide it until it is retried (which
	// asks again), skipped or the instance cancelled.
	EvtApprovalUnassigned = "approval_unassigned"
	// EvtSubworkflowRequested follows a subworkflow step's start: the
	// child run it calls for is due (the service's reactor starts it).
	EvtSubworkflowRequested = "subworkflow_requested"
	EvtApproved             = "approved"
	EvtRejected             = "rejected"
	EvtInstancePaused       = "instance_paused"
	EvtResumed              = "resumed"
	EvtCancelled            = "cancelled"
	EvtCompleted            = "completed"
	EvtFailed               = "failed"
)

// Event is one fact about an instance. One struct serves every type (the
// fields a type does not use stay empty), so the JSON body of each event
// is small and readable and replay needs no type switch on payload shapes.
type Event struct {
	Type string `json:"-"`

	// instance_created, instance_started
	Workflow   string         `json:"workflow,omitempty"`
	Version    int            `json:"version,omitempty"`
	Context    map[string]any `json:"context,omitempty"`
	Depth      int            `json:"depth,omitempty"`
	Parent     string         `json:"parent,omitempty"`
	ParentStep string         `json:"parent_step,omitempty"`

	// step events
	Step    string         `json:"step,omitempty"`
	Kind    StepKind       `json:"kind,omitempty"`
	Attempt int            `json:"attempt,omitempty"`
	Outputs map[string]any `json:"outputs,omitempty"`
	// Next lists the edges a completed step leaves by; Edge is the edge a
	// branch arrived at a join by.
	Next []string `json:"next,omitempty"`
	Edge string   `json:"edge,omitempty"`

	// failures, rejections, cancellations; approvals
	Reason string `json:"reason,omitempty"`
	By     string `json:"by,omitempty"`

	// assigned approvals: the role in the organization's unit, and who holds it
	Org        string   `json:"organization,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Role       string   `json:"role,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
}

// DecodeEvent rebuilds an event from its type and JSON body.
func DecodeEvent(typ string, body []byte) (Event, error) {
	var e Event
	if len(body) > 0 {
		if err := json.Unmarshal(body, &e); err != nil {
			return Event{}, fmt.Errorf("%w: %s event: %v", ErrInvalid, typ, err)
		}
	}
	e.Type = typ
	return e, nil
}
