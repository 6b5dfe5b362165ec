package wfservice

import (
	"encoding/json"
	"fmt"

	"github.com/cimviz/cimviz/domains/workflow"
)

// Instance command names on the wire: the workflow package's, plus
// start_draft (start a Draft instance; the harness tells creating commands
// from the others, and start_instance creates).
const CmdStartDraft = "start_draft"

// StartPayload is the payload of create_instance and start_instance:
// Version pins a definition version (0: the newest).
type StartPayload struct {
	Workflow string         `json:"workflow"`
	Version  int            `json:"version,omitempty"`
	Context  map[string]any `json:"context,omitempty"`
	// Depth, Parent and ParentStep are set by the reactor for a child.
	Depth      int    `json:"depth,omitempty"`
	Parent     string `json:"parent,omitempty"`
	ParentStep string `json:"parent_step,omitempty"`
}

// decodeCommand turns a wire command into the workflow package's, for
// the instance id (the aggregate ID wins over any "instance" in the body).
func decodeCommand(typ, id string, payload json.RawMessage) (workflow.Command, *StartPayload, error) {
	var sp StartPayload
	switch typ {
	case workflow.TypeCreateInstance, workflow.TypeStartInstance:
		if err := decode(payload, &sp); err != nil {
			return nil, nil, err
		}
		if typ == workflow.TypeCreateInstance {
			return workflow.CreateInstance{Instance: id, Workflow: sp.Workflow, Context: sp.Context}, &sp, nil
		}
		return workflow.StartInstance{Instance: id, Workflow: sp.Workflow, Context: sp.Context,
			Depth: sp.Depth, Parent: sp.Parent, ParentStep: sp.ParentStep}, &sp, nil
	case CmdStartDraft:
		return workflow.StartInstance{Instance: id}, nil, nil
	}
	return decodeOther(typ, id, payload)
}

func decodeOther(typ, id string, payload json.RawMessage) (workflow.Command, *StartPayload, error) {
	var c workflow.Command
	var err error
	switch typ {
	case workflow.TypeCompleteStep:
		c, err = into[workflow.CompleteStep](payload)
	case workflow.TypeFailStep:
		c, err = into[workflow.FailStep](payload)
	case workflow.TypeRetryStep:
		c, err = into[workflow.RetryStep](payload)
	case workflow.TypeSkipStep:
		c, err = into[workflow.SkipStep](payload)
	case workflow.TypeApprove:
		c, err = into[workflow.Approve](payload)
	case workflow.TypeReject:
		c, err = into[workflow.Reject](payload)
	case workflow.TypePause:
		c = workflow.Pause{Instance: id}
	case workflow.TypeResume:
		c = workflow.Resume{Instance: id}
	case workflow.TypeCancel:
		var p workflow.Cancel
		err = decode(payload, &p)
		c = workflow.Cancel{Instance: id, Reason: p.Reason}
	default:
		return nil, nil, fmt.Errorf("%w: unknown command %q", workflow.ErrInvalid, typ)
	}
	if err != nil {
		return nil, nil, err
	}
	return withInstance(c, id), nil, nil
}

// stepCommand is any of the step commands, whose StepRef carries the
// instance.
type stepCommand interface {
	workflow.CompleteStep | workflow.FailStep | workflow.RetryStep | workflow.SkipStep | workflow.Approve | workflow.Reject
}

func into[C stepCommand](payload json.RawMessage) (workflow.Command, error) {
	var c C
	if err := decode(payload, &c); err != nil {
		return nil, err
	}
	return any(c).(workflow.Command), nil
}

// withInstance sets the step command's instance to the aggregate's.
func withInstance(c workflow.Command, id string) workflow.Command {
	switch c := c.(type) {
	case workflow.CompleteStep:
		c.Instance = id
		return c
	case workflow.FailStep:
		c.Instance = id
		return c
	case workflow.RetryStep:
		c.Instance = id
		return c
	case workflow.SkipStep:
		c.Instance = id
		return c
	case workflow.Approve:
		c.Instance = id
		return c
	case workflow.Reject:
		c.Instance = id
		return c
	}
	return c
}

func decode(payload json.RawMessage, v any) error {
	if len(payload) == 0 {
		return nil
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return fmt.Errorf("%w: payload: %v", workflow.ErrInvalid, err)
	}
	return nil
}
