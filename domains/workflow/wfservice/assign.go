package wfservice

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/worker"
)

// OrganizationDomain answers who holds a role: its holders query
// (cim.organization.qry.holders, the organization as aggregate ID).
const (
	OrganizationDomain = "organization"
	QueryHolders       = "holders"
)

// holdersTimeout bounds one holders query.
const holdersTimeout = 5 * time.Second

type holdersArgs struct {
	Unit string `json:"unit"`
	Role string `json:"role"`
}

type holdersAnswer struct {
	Holders []string `json:"holders"`
}

// assign answers an assigned approval's request: it asks the organization
// domain who holds the role and records them as the candidates (none, or
// a refusal of the query, makes the approval unassigned, with the reason).
// A query that did not get through is tried later.
func (r *Reactor) assign(ctx context.Context, e message.Event, ev workflow.Event) worker.Verdict {
	if ev.Role == "" {
		return worker.Ack // anyone may decide it
	}
	cmd := workflow.AssignApproval{StepRef: workflow.StepRef{Instance: e.AggregateID, Step: ev.Step, Attempt: ev.Attempt}}
	holders, err := r.holders(ctx, ev)
	switch {
	case err == nil:
		cmd.Candidates = holders
	case errors.Is(err, service.ErrInvalid), errors.Is(err, service.ErrNotFound), errors.Is(err, nats.ErrNoResponders):
		cmd.Reason = "the organization domain did not name holders: " + err.Error()
	default:
		return worker.Later
	}
	return worker.Report(ctx, r.client, e, cmd)
}

func (r *Reactor) holders(ctx context.Context, ev workflow.Event) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, holdersTimeout)
	defer cancel()
	var a holdersAnswer
	err := r.org.Query(ctx, QueryHolders, ev.Org, holdersArgs{Unit: ev.Unit, Role: ev.Role}, &a)
	return a.Holders, err
}
