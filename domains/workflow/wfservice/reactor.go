package wfservice

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/worker"
)

// ReactorDurable is the reactor's consumer; reactors of several service
// processes share it.
const ReactorDurable = "workflow-reactor"

// Reactor runs subworkflows: when a subworkflow step asks for its child
// (subworkflow_requested) it starts the child, and when a child ends it reports to the parent's step.
// It also assigns approvals: an approval_requested that names a role is
// answered with the role's holders (see assign). It is an
// ordinary client of the workflow service with a durable consumer, so a
// reaction survives a restart (the event is redelivered).
type Reactor struct {
	client *service.Client
	org    *service.Client
	reg    *Registry
	cat    *Catalog
}

// RunReactor reacts until ctx ends. cat finds the children to cancel when
// a parent is cancelled or fails.
func RunReactor(ctx context.Context, nc *nats.Conn, reg *Registry, cat *Catalog) error {
	r := &Reactor{client: service.NewClient(nc, InstanceDomain), org: service.NewClient(nc, OrganizationDomain), reg: reg, cat: cat}
	filters := []string{eventstore.Subject(InstanceDomain, "*", workflow.EvtSubworkflowRequested),
		eventstore.Subject(InstanceDomain, "*", workflow.EvtApprovalRequested)}
	for _, t := range []string{workflow.EvtCompleted, workflow.EvtFailed, workflow.EvtCancelled} {
		filters = append(filters, eventstore.Subject(InstanceDomain, "*", t))
	}
	return worker.Consume(ctx, nc, worker.Consumer{Domain: InstanceDomain, Durable: ReactorDurable, Filters: filters,
		AckWait: 30 * time.Second, MaxDeliver: -1, Concurrency: 32, RetryDelay: 200 * time.Millisecond}, r.react)
}

func (r *Reactor) react(ctx context.Context, e message.Event) worker.Verdict {
	ev, err := workflow.DecodeEvent(e.Type, e.Payload)
	switch {
	case err != nil:
		return worker.Ack
	case e.Type == workflow.EvtSubworkflowRequested:
		return r.startChild(ctx, e, ev.Step)
	case e.Type == workflow.EvtApprovalRequested:
		return r.assign(ctx, e, ev)
	default:
		r.cancelChildren(ctx, e)
		return r.reportToParent(ctx, e)
	}
}

// cancelChildren ends the children still running under an instance that
// ended without completing.
func (r *Reactor) cancelChildren(ctx context.Context, e message.Event) {
	if e.Type == workflow.EvtCompleted {
		return
	}
	for _, id := range r.cat.Children(e.AggregateID) {
		worker.Report(ctx, r.client, e, workflow.Cancel{Instance: id, Reason: "parent " + e.AggregateID + " " + e.Type})
	}
}

func (r *Reactor) startChild(ctx context.Context, e message.Event, step string) worker.Verdict {
	parent, v := r.instance(ctx, e.AggregateID)
	if parent == nil {
		return v
	}
	def, err := r.reg.Get(ctx, parent.Workflow, parent.Version)
	if err != nil || parent.State != workflow.Running || parent.Steps[step].State != workflow.StepRunning {
		return worker.Ack // the step moved on, or there is nothing to run
	}
	start, err := workflow.ChildStart(parent, def, step)
	if err != nil {
		return worker.Report(ctx, r.client, e, workflow.FailStep{StepRef: workflow.StepRef{Instance: parent.ID, Step: step}, Reason: err.Error()})
	}
	payload := StartPayload{Workflow: start.Workflow, Context: start.Context, Depth: start.Depth, Parent: start.Parent, ParentStep: start.ParentStep}
	cmd, err := worker.Caused(e, workflow.TypeStartInstance, start.Instance, payload)
	if err != nil {
		return worker.Ack
	}
	if _, err := r.client.Send(ctx, cmd); err != nil && !errors.Is(err, service.ErrConflict) {
		return r.childRefused(ctx, e, parent.ID, step, err)
	}
	return worker.Ack
}

// childRefused fails the parent's step when the child cannot start (the
// called workflow is not published, say), so the parent does not wait
// forever.
func (r *Reactor) childRefused(ctx context.Context, e message.Event, parent, step string, err error) worker.Verdict {
	if !errors.Is(err, service.ErrInvalid) && !errors.Is(err, service.ErrNotFound) {
		return worker.Later
	}
	return worker.Report(ctx, r.client, e, workflow.FailStep{StepRef: workflow.StepRef{Instance: parent, Step: step}, Reason: "child not started: " + err.Error()})
}

func (r *Reactor) reportToParent(ctx context.Context, e message.Event) worker.Verdict {
	if r.cat.TopLevel(e.AggregateID) {
		return worker.Ack // no parent to tell: spare the query
	}
	child, v := r.instance(ctx, e.AggregateID)
	if child == nil || child.Parent == "" {
		return v
	}
	parentDef := r.parentDefinition(ctx, child.Parent)
	cmd, ok := workflow.ParentReport(child, parentDef)
	if !ok {
		return worker.Ack
	}
	return worker.Report(ctx, r.client, e, cmd)
}

func (r *Reactor) parentDefinition(ctx context.Context, parent string) *workflow.Definition {
	in, _ := r.instance(ctx, parent)
	if in == nil {
		return nil
	}
	def, _ := r.reg.Get(ctx, in.Workflow, in.Version)
	return def
}

// instance reads an instance; on failure it says whether to try later.
func (r *Reactor) instance(ctx context.Context, id string) (*workflow.Instance, worker.Verdict) {
	var in workflow.Instance
	err := r.client.Query(ctx, QueryInstance, id, nil, &in)
	switch {
	case err == nil:
		return &in, worker.Ack
	case errors.Is(err, service.ErrNotFound), errors.Is(err, service.ErrInvalid):
		return nil, worker.Ack
	}
	return nil, worker.Later
}
