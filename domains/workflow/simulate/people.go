package simulate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
)

// observe counts the simulation's events and plays the people: a manual
// step is completed, an approval granted or rejected, each after a random
// time and caused by the event that asked for it.
func (s *sim) observe(ctx context.Context) nats.MsgHandler {
	return func(m *nats.Msg) {
		toks := strings.Split(m.Subject, ".")
		if len(toks) != 5 || !strings.HasPrefix(toks[3], s.prefix) {
			return
		}
		s.tally.event(toks[3], toks[4])
		if toks[4] != workflow.EvtStepStarted && toks[4] != workflow.EvtApprovalRequested {
			return
		}
		e, err := message.DecodeEvent("workflow", m.Header, m.Data)
		if err != nil {
			return
		}
		if cmd := s.decide(e); cmd != nil {
			s.later(ctx, e, cmd)
		}
	}
}

// decide is what a person does about an event (nil: nothing).
func (s *sim) decide(e message.Event) workflow.Command {
	ev, err := workflow.DecodeEvent(e.Type, e.Payload)
	if err != nil {
		return nil
	}
	ref := workflow.StepRef{Instance: e.AggregateID, Step: ev.Step, Attempt: ev.Attempt}
	switch {
	case e.Type == workflow.EvtStepStarted && ev.Kind == workflow.KindManual:
		return workflow.CompleteStep{StepRef: ref, Outputs: map[string]any{ev.Step + "_by": "sim"}}
	case e.Type == workflow.EvtApprovalRequested && s.dice.chance(s.cfg.RejectRate):
		return workflow.Reject{StepRef: workflow.StepRef{Instance: e.AggregateID, Step: ev.Step}, By: "sim", Reason: "simulated rejection"}
	case e.Type == workflow.EvtApprovalRequested:
		return workflow.Approve{StepRef: workflow.StepRef{Instance: e.AggregateID, Step: ev.Step}, By: "sim"}
	}
	return nil
}

func (s *sim) later(ctx context.Context, e message.Event, cmd workflow.Command) {
	s.wg.Add(1)
	time.AfterFunc(s.dice.duration(s.cfg.MinStep, s.cfg.MaxStep), func() {
		defer s.wg.Done()
		if ctx.Err() != nil {
			return
		}
		// A refusal is ordinary here: the instance ended (a branch failed)
		// while the person was at work.
		_, err := s.client.Send(ctx, &e, cmd)
		if err != nil && !errors.Is(err, service.ErrInvalid) && ctx.Err() == nil && s.out != nil {
			fmt.Fprintf(s.out, "%s %s %s: %v\n", cmd.CommandType(), cmd.Target(), e.Type, err)
		}
	})
}
