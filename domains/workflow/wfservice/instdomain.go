package wfservice

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
)

// Instance queries.
const (
	QueryInstance = "get"
	QueryHistory  = "history"
)

// lookupTimeout bounds a registry read-through from inside Decide, which
// the harness calls without a context.
const lookupTimeout = 5 * time.Second

// HistoryEntry is one event of an instance as the history query returns it.
type HistoryEntry struct {
	Sequence      uint64    `json:"sequence"`
	Version       uint64    `json:"version"`
	Type          string    `json:"type"`
	Time          time.Time `json:"time"`
	MessageID     string    `json:"message_id"`
	CorrelationID string    `json:"correlation_id"`
	CausationID   string    `json:"causation_id"`
	// Actor is the principal whose command it was (X-Actor), if named.
	Actor string          `json:"actor,omitempty"`
	Event json.RawMessage `json:"event,omitempty"`
}

// InstanceDomainOf is the workflow domain: instances decided against the
// definitions in reg; the history query reads store (the instances').
func InstanceDomainOf(reg *Registry, store eventstore.Store) service.Domain[*workflow.Instance] {
	step := func(desc string) service.CommandSpec { return service.CommandSpec{Retry: true, Description: desc} }
	return service.Domain[*workflow.Instance]{
		Name:        InstanceDomain,
		Version:     "1.0.0",
		Description: "workflow instances: run published workflows step by step",
		New:         func() *workflow.Instance { return &workflow.Instance{} },
		Decide: func(in *workflow.Instance, cmd message.Command) ([]service.Draft, error) {
			return decideInstance(reg, in, cmd)
		},
		Apply: applyInstance,
		// A step's completion and the next step's start are each a state
		// an instance may be seen in; chained appends run about ten times
		// the transitions of atomic batches (see service.Chained).
		Appends: service.Chained,
		Commands: map[string]service.CommandSpec{
			workflow.TypeCreateInstance: {Creates: true, Description: "make a Draft instance: {workflow, version?, context?}"},
			workflow.TypeStartInstance:  {Creates: true, Description: "run a new instance: {workflow, version?, context?}"},
			CmdStartDraft:               step("run a Draft instance"),
			workflow.TypeCompleteStep:   step("complete a step: {step, attempt?, outputs?}"),
			workflow.TypeFailStep:       step("fail a step (retried while it has retries): {step, attempt?, reason?}"),
			workflow.TypeRetryStep:      step("start a running step again: {step}"),
			workflow.TypeSkipStep:       step("pass over a running step: {step}"),
			workflow.TypeApprove:        step("grant an approval step: {step, by?, outputs?}"),
			workflow.TypeReject:         step("refuse an approval step; the instance fails: {step, by?, reason?}"),
			workflow.TypeAssignApproval: step("record who may decide an assigned approval: {step, attempt?, candidates, reason?}"),
			workflow.TypePause:          step("hold a running instance"),
			workflow.TypeResume:         step("continue a paused instance"),
			workflow.TypeCancel:         step("end an instance: {reason?}"),
		},
		Queries: map[string]service.Query[*workflow.Instance]{
			QueryInstance: func(in *workflow.Instance, _ uint64, _ json.RawMessage) (any, error) { return in, nil },
			QueryHistory: func(in *workflow.Instance, _ uint64, _ json.RawMessage) (any, error) {
				return history(store, in.ID)
			},
		},
	}
}

func decideInstance(reg *Registry, in *workflow.Instance, cmd message.Command) ([]service.Draft, error) {
	c, sp, err := decodeCommand(cmd.Type, cmd.AggregateID, cmd.Payload)
	if err != nil {
		return nil, harnessError(err)
	}
	c = withActor(c, cmd.Actor)
	def, err := definitionFor(reg, in, sp)
	if err != nil {
		return nil, harnessError(err)
	}
	_, events, err := workflow.Decide(in, def, c)
	if err != nil {
		return nil, harnessError(err)
	}
	drafts := make([]service.Draft, len(events))
	for i, e := range events {
		drafts[i] = service.Draft{Type: e.Type, Payload: e}
	}
	return drafts, nil
}

// definitionFor finds the version an instance runs, or for a new one the
// version asked for (default newest).
func definitionFor(reg *Registry, in *workflow.Instance, sp *StartPayload) (*workflow.Definition, error) {
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	if in.Exists() {
		return reg.Get(ctx, in.Workflow, in.Version)
	}
	if sp == nil || sp.Workflow == "" {
		return nil, fmt.Errorf("%w: instance %q does not exist", workflow.ErrNotFound, in.ID)
	}
	return reg.Get(ctx, sp.Workflow, sp.Version)
}

func applyInstance(in *workflow.Instance, ev message.Event) *workflow.Instance {
	e, err := workflow.DecodeEvent(ev.Type, ev.Payload)
	if err != nil {
		return in
	}
	in.ID = ev.AggregateID
	in.Apply(e)
	return in
}

func history(store eventstore.Store, id string) ([]HistoryEntry, error) {
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	events, err := store.Load(ctx, id, 0)
	if err != nil {
		return nil, fmt.Errorf("history of %q: %w", id, err)
	}
	out := make([]HistoryEntry, len(events))
	for i, e := range events {
		out[i] = HistoryEntry{Sequence: e.Sequence, Version: e.Version, Type: e.Type, Time: e.Time,
			MessageID: e.MessageID.String(), CorrelationID: e.CorrelationID.String(),
			CausationID: e.CausationID.String(), Actor: e.Actor, Event: e.Payload}
	}
	return out, nil
}

// Message is the entry as the event it is (identity, type, actor,
// payload) of instance id, for sending a command it caused.
func (h HistoryEntry) Message(id string) (message.Event, error) {
	e := message.Event{Type: h.Type, Domain: InstanceDomain, AggregateID: id, Sequence: h.Sequence, Version: h.Version,
		Time: h.Time, Actor: h.Actor, Payload: h.Event}
	for _, f := range []struct {
		into *uuid.UUID
		from string
	}{{&e.MessageID, h.MessageID}, {&e.CorrelationID, h.CorrelationID}, {&e.CausationID, h.CausationID}} {
		u, err := uuid.Parse(f.from)
		if err != nil {
			return message.Event{}, fmt.Errorf("history entry %d: %w", h.Sequence, err)
		}
		*f.into = u
	}
	return e, nil
}

// Latest is the newest entry of type typ in an instance's history.
func Latest(hist []HistoryEntry, typ string) (HistoryEntry, bool) {
	for _, h := range slices.Backward(hist) {
		if h.Type == typ {
			return h, true
		}
	}
	return HistoryEntry{}, false
}
