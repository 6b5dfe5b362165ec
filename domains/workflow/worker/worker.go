package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
)

// Task is one attempt of an automated step.
type Task struct {
	Instance string
	Step     string
	Attempt  int
	// Event is the step_started event; reports are caused by it.
	Event message.Event
}

// Do does a task: its outputs (set as context variables), or an error
// (the step fails, and is retried while it has retries). Delivery is at
// least once: a task whose report could not be taken yet (its instance is
// paused) is done again when it comes back, so Do should be idempotent.
type Do func(ctx context.Context, t Task) (map[string]any, error)

// Defaults of a worker pool.
const (
	DefaultDurable = "workflow-workers"
	DefaultAckWait = 30 * time.Second
)

// Option tunes Run.
type Option func(*Consumer)

// WithAckWait sets how long a step may take before another worker gets it.
func WithAckWait(d time.Duration) Option { return func(c *Consumer) { c.AckWait = d } }

// WithConcurrency sets how many steps this process does at once.
func WithConcurrency(n int) Option { return func(c *Consumer) { c.Concurrency = n } }

// WithDurable names the shared consumer (workers with one name share work).
func WithDurable(name string) Option { return func(c *Consumer) { c.Durable = name } }

// Run does automated steps with do until ctx ends.
func Run(ctx context.Context, nc *nats.Conn, do Do, opts ...Option) error {
	c := Consumer{Domain: "workflow", Durable: DefaultDurable, AckWait: DefaultAckWait, MaxDeliver: -1,
		Concurrency: 16, RetryDelay: 200 * time.Millisecond,
		Filters: []string{eventstore.Subject("workflow", "*", workflow.EvtStepStarted)}}
	for _, o := range opts {
		o(&c)
	}
	client := service.NewClient(nc, "workflow")
	return Consume(ctx, nc, c, func(ctx context.Context, e message.Event) Verdict {
		return work(ctx, client, do, e)
	})
}

func work(ctx context.Context, client *service.Client, do Do, e message.Event) Verdict {
	ev, err := workflow.DecodeEvent(e.Type, e.Payload)
	if err != nil || ev.Kind != workflow.KindAutomated {
		return Ack
	}
	t := Task{Instance: e.AggregateID, Step: ev.Step, Attempt: ev.Attempt, Event: e}
	out, err := do(ctx, t)
	if ctx.Err() != nil {
		return Later
	}
	return Report(ctx, client, e, reportFor(t, out, err))
}

func reportFor(t Task, out map[string]any, err error) workflow.Command {
	ref := workflow.StepRef{Instance: t.Instance, Step: t.Step, Attempt: t.Attempt}
	if err != nil {
		return workflow.FailStep{StepRef: ref, Reason: err.Error()}
	}
	return workflow.CompleteStep{StepRef: ref, Outputs: out}
}

// Report sends cmd, caused by cause, and
// says what to do with the event: Ack when the service took it or refused
// it for good (the step moved on), Later when the instance is paused or
// the service did not answer.
func Report(ctx context.Context, client *service.Client, cause message.Event, c workflow.Command) Verdict {
	cmd, err := Caused(cause, c.CommandType(), c.Target(), c)
	if err != nil {
		return Ack
	}
	_, err = client.Send(ctx, cmd)
	return verdict(err)
}

func verdict(err error) Verdict {
	var se *service.Error
	switch {
	case err == nil:
		return Ack
	case errors.As(err, &se) && strings.Contains(se.Description, "is "+string(workflow.Paused)):
		return Later
	case errors.Is(err, service.ErrInvalid), errors.Is(err, service.ErrNotFound):
		return Ack
	}
	return Later
}

// Caused builds a command caused by the event cause (same correlation).
func Caused(cause message.Event, typ, aggregate string, payload any) (message.Command, error) {
	body, err := json.Marshal(payload)
	if err != nil {
		return message.Command{}, fmt.Errorf("%s payload: %w", typ, err)
	}
	return message.Command{Identity: cause.Identity.Caused(), Domain: "workflow", Type: typ,
		AggregateID: aggregate, Payload: body}, nil
}
