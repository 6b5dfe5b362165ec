package wfservice

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
)

// diesMidChain is an instance store whose writer dies in the middle of a
// chained decision: it stores a chain's first event, never a later one.
type diesMidChain struct{ eventstore.Store }

var errDied = errors.New("the service process died")

func (d diesMidChain) Append(ctx context.Context, id string, v uint64, evs []message.Event) (eventstore.AppendResult, error) {
	if evs[0].Chain != nil && evs[0].Chain.Index > 0 {
		return eventstore.AppendResult{}, errDied
	}
	return d.Store.Append(ctx, id, v, evs)
}

// A service process that dies between a step's completion and the next
// step's start leaves the instance between the two; the next service to
// start finishes the transition before anyone touches the instance.
func TestATransitionCutShortIsFinishedWhenTheServiceStarts(t *testing.T) {
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	svc, err := Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	c := NewClient(nc)
	publishTemplate(t, ctx, c, "single-approval")
	if _, err := c.Start(ctx, "req-1", "single-approval", map[string]any{"amount": 10}); err != nil {
		t.Fatal(err)
	}
	mustDo(t, svc.Stop())

	insts := openStore(t, nc, InstanceDomain)
	dying, err := service.NewEngine(InstanceDomainOf(NewRegistry(openStore(t, nc, DefDomain)), insts), diesMidChain{insts})
	if err != nil {
		t.Fatal(err)
	}
	complete, _ := json.Marshal(workflow.CompleteStep{StepRef: workflow.StepRef{Instance: "req-1", Step: "submit"}})
	cmd := message.Command{Identity: message.NewRoot(), Type: workflow.TypeCompleteStep, AggregateID: "req-1", Payload: complete}
	if _, err := dying.Execute(ctx, cmd); !errors.Is(err, errDied) {
		t.Fatalf("the dying service answered %v", err)
	}
	before := storedTypes(t, insts)
	if before[len(before)-1] != workflow.EvtStepCompleted {
		t.Fatalf("the dying service left %v, want it to end at step_completed", before)
	}

	svc, err = Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	after := storedTypes(t, insts)
	if len(after) <= len(before) || after[len(before)] != workflow.EvtStepStarted {
		t.Fatalf("after a restart the instance's events are %v, want the transition finished", after)
	}
	in, err := c.Instance(ctx, "req-1")
	if err != nil || in.Steps["approve"].State != workflow.StepWaitingApproval {
		t.Fatalf("approve is %+v (%v), want it waiting for approval", in.Steps["approve"], err)
	}
	history, err := c.History(ctx, "req-1")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range history[len(before)-1:] {
		if h.CausationID != cmd.MessageID.String() || h.CorrelationID != cmd.CorrelationID.String() {
			t.Fatalf("%s is caused by %s in %s, want the completing command %s", h.Type, h.CausationID, h.CorrelationID, cmd.MessageID)
		}
	}
}

func openStore(t *testing.T, nc *nats.Conn, domain string) eventstore.Store {
	t.Helper()
	s, err := jsstore.Open(context.Background(), nc, domain)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func storedTypes(t *testing.T, s eventstore.Store) []string {
	t.Helper()
	evs, err := s.Load(context.Background(), "req-1", 0)
	if err != nil {
		t.Fatal(err)
	}
	types := make([]string, len(evs))
	for i, e := range evs {
		types[i] = e.Type
	}
	return types
}
