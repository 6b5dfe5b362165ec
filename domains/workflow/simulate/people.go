package simulate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
)

// observe counts the simulation's events and plays the people: a manual
// step is completed, an approval granted or rejected, each after a random
// time, by one of the people (its X-Actor) and caused by the event that
// asked for it. An approval assigned to a role is decided by one of its
// candidates; one that no one holds is cancelled, since no one may decide it.
func (s *sim) observe(ctx context.Context) nats.MsgHandler {
	return func(m *nats.Msg) {
		toks := strings.Split(m.Subject, ".")
		if len(toks) != 5 || !strings.HasPrefix(toks[3], s.prefix) {
			return
		}
		s.tally.event(toks[3], toks[4])
		switch toks[4] {
		case workflow.EvtStepStarted, workflow.EvtApprovalRequested, workflow.EvtApprovalAssigned, workflow.EvtApprovalUnassigned:
		default:
			return
		}
		e, err := message.DecodeEvent("workflow", m.Header, m.Data)
		if err != nil {
			return
		}
		if actor, cmd := s.decide(e); cmd != nil {
			s.later(ctx, e, actor, cmd)
		}
	}
}

// decide is what a person does about an event, and who (nil: nothing).
func (s *sim) decide(e message.Event) (string, workflow.Command) {
	ev, err := workflow.DecodeEvent(e.Type, e.Payload)
	if err != nil {
		return "", nil
	}
	ref := workflow.StepRef{Instance: e.AggregateID, Step: ev.Step, Attempt: ev.Attempt}
	switch e.Type {
	case workflow.EvtStepStarted:
		if ev.Kind != workflow.KindManual {
			return "", nil
		}
		who := s.pick(s.people)
		return who, workflow.CompleteStep{StepRef: ref, Outputs: map[string]any{ev.Step + "_by": who}}
	case workflow.EvtApprovalRequested:
		if ev.Role != "" {
			return "", nil // its candidates come with approval_assigned
		}
		return s.approval(ref, s.people)
	case workflow.EvtApprovalAssigned:
		return s.approval(ref, ev.Candidates)
	case workflow.EvtApprovalUnassigned:
		return simulator, workflow.Cancel{Instance: e.AggregateID, Reason: "no one may decide step " + ev.Step + ": " + ev.Reason}
	}
	return "", nil
}

// simulator is the actor of what no person does (cancelling a run that no
// one may finish).
const simulator = "simulator"

// approval is one of who granting (or, at the reject rate, refusing) it.
func (s *sim) approval(ref workflow.StepRef, who []string) (string, workflow.Command) {
	by := s.pick(who)
	ref.Attempt = 0
	if s.dice.chance(s.cfg.RejectRate) {
		return by, workflow.Reject{StepRef: ref, By: by, Reason: "simulated rejection"}
	}
	return by, workflow.Approve{StepRef: ref, By: by}
}

func (s *sim) pick(from []string) string {
	if len(from) == 0 {
		return simulator
	}
	return from[s.dice.intN(len(from))]
}

func (s *sim) later(ctx context.Context, e message.Event, actor string, cmd workflow.Command) {
	s.wg.Add(1)
	time.AfterFunc(s.dice.duration(s.cfg.MinStep, s.cfg.MaxStep), func() {
		defer s.wg.Done()
		if ctx.Err() != nil {
			return
		}
		// A refusal is ordinary here: the instance ended (a branch failed)
		// while the person was at work.
		_, err := s.client.SendAs(ctx, actor, &e, cmd)
		if err != nil && !errors.Is(err, service.ErrInvalid) && ctx.Err() == nil && s.out != nil {
			fmt.Fprintf(s.out, "%s %s %s: %v\n", cmd.CommandType(), cmd.Target(), e.Type, err)
		}
	})
}

// peopleTimeout bounds the question to the person domain.
const peopleTimeout = 3 * time.Second

// askPeople is who plays the people: the person domain's people, or, where
// it is not served (or knows no one), the simulator alone, which says so.
func askPeople(ctx context.Context, nc *nats.Conn, out io.Writer) []string {
	ctx, cancel := context.WithTimeout(ctx, peopleTimeout)
	defer cancel()
	var people []struct {
		ID string `json:"id"`
	}
	err := service.NewClient(nc, personDomain).Query(ctx, "people", "", nil, &people)
	ids := make([]string, 0, len(people))
	for _, p := range people {
		if p.ID != "" {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 && out != nil {
		fmt.Fprintf(out, "no people from the person domain (%v); the simulator plays them\n", orNone(err))
	}
	return ids
}

// personDomain is the domain whose people the simulator plays.
const personDomain = "person"

func orNone(err error) any {
	if err == nil {
		return "it knows no one"
	}
	return err
}
