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
	decoders := map[string]func(json.RawMessage) (workflow.Command, error){
		workflow.TypeCompleteStep: into[workflow.CompleteStep], workflow.TypeFailStep: into[workflow.FailStep],
		workflow.TypeRetryStep: into[workflow.RetryStep], workflow.TypeSkipStep: into[workflow.SkipStep],
		workflow.TypeApprove: into[workflow.Approve], workflow.TypeReject: into[workflow.Reject],
		workflow.TypePause: into[workflow.Pause], workflow.TypeResume: into[workflow.Resume],
		workflow.TypeCancel: into[workflow.Cancel], workflow.TypeAssignApproval: into[workflow.AssignApproval],
	}
	dec, ok := decoders[typ]
	if !ok {
		return nil, nil, fmt.Errorf("%w: unknown command %q", workflow.ErrInvalid, typ)
	}
	body, err := withInstance(payload, id)
	if err != nil {
		return nil, nil, err
	}
	c, err := dec(body)
	return c, nil, err
}

// withActor gives an approval's decision the principal of its X-Actor
// header (the only place an actor is taken from, never the body).
func withActor(c workflow.Command, actor string) workflow.Command {
	switch d := c.(type) {
	case workflow.Approve:
		d.Actor = actor
		return d
	case workflow.Reject:
		d.Actor = actor
		return d
	}
	return c
}

func into[C workflow.Command](payload json.RawMessage) (workflow.Command, error) {
	var c C
	err := decode(payload, &c)
	return c, err
}

// withInstance sets the body's "instance" to the aggregate's ID, so the
// subject's aggregate is the one the command is about, whatever the body
// says.
func withInstance(payload json.RawMessage, id string) (json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if err := decode(payload, &fields); err != nil {
		return nil, err
	}
	if fields == nil { // no body, or "null"
		fields = map[string]json.RawMessage{}
	}
	fields["instance"], _ = json.Marshal(id)
	return json.Marshal(fields)
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
