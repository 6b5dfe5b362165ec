package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
)

// Verdict is what to do with a delivered event once it was handled.
type Verdict int

const (
	// Ack: handled (or nothing to do); never deliver it again.
	Ack Verdict = iota
	// Later: not now (the instance is paused, the service is busy);
	// deliver it again after a delay.
	Later
)

// Consumer describes a durable consumer of one domain's events.
type Consumer struct {
	// Domain whose stream is read (CIM_<DOMAIN>).
	Domain string
	// Durable is the consumer's name; every process that uses the same
	// name shares the events.
	Durable string
	// Filters are the subjects to deliver (NATS patterns).
	Filters []string
	// AckWait is how long an event may be handled before it goes to
	// someone else.
	AckWait time.Duration
	// MaxDeliver bounds deliveries of one event, then it is dropped (-1:
	// no bound; events handled Later come back until they are handled,
	// which a paused instance needs).
	MaxDeliver int
	// Concurrency is how many events one process handles at once.
	Concurrency int
	// RetryDelay is the wait before a Later event comes back the first
	// time; it doubles with each delivery, up to MaxRetryDelay.
	RetryDelay time.Duration
	Logger     *slog.Logger
}

// Handle handles one event.
type Handle func(ctx context.Context, e message.Event) Verdict

// Consume handles the consumer's events until ctx ends. It creates the
// durable consumer (delivering from the stream's start the first time) or
// joins it.
func Consume(ctx context.Context, nc *nats.Conn, c Consumer, handle Handle) error {
	cons, err := c.open(ctx, nc)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it began: not a failure
		}
		return err
	}
	sem := make(chan struct{}, max(c.Concurrency, 1))
	cc, err := cons.Consume(func(m jetstream.Msg) {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			c.deliver(ctx, m, handle)
		}()
	}, jetstream.PullMaxMessages(2*cap(sem)))
	if err != nil {
		return fmt.Errorf("consume %s: %w", c.Durable, err)
	}
	<-ctx.Done()
	cc.Stop()
	for range cap(sem) { // wait for the handlers in flight
		sem <- struct{}{}
	}
	return nil
}

func (c Consumer) open(ctx context.Context, nc *nats.Conn) (jetstream.Consumer, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, jsstore.StreamName(c.Domain), jetstream.ConsumerConfig{
		Durable: c.Durable, FilterSubjects: c.Filters, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: c.AckWait, MaxDeliver: c.MaxDeliver, DeliverPolicy: jetstream.DeliverAllPolicy,
		MaxAckPending: 16 * max(c.Concurrency, 1),
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", c.Durable, jsstore.StreamName(c.Domain), err)
	}
	return cons, nil
}

func (c Consumer) deliver(ctx context.Context, m jetstream.Msg, handle Handle) {
	e, err := message.DecodeEvent(c.Domain, m.Headers(), m.Data())
	if err != nil {
		c.log().Warn("undecodable event skipped", "subject", m.Subject(), "err", err)
		c.settle(m.Ack())
		return
	}
	if handle(ctx, e) == Later && ctx.Err() == nil {
		c.settle(m.NakWithDelay(c.backoff(m)))
		return
	}
	if ctx.Err() != nil {
		return // shutting down: leave it unacked for another worker
	}
	c.settle(m.Ack())
}

func (c Consumer) settle(err error) {
	if err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
		c.log().Warn("ack failed", "durable", c.Durable, "err", err)
	}
}

func (c Consumer) log() *slog.Logger {
	if c.Logger == nil {
		return slog.Default()
	}
	return c.Logger
}

// MaxRetryDelay caps the wait before a Later event comes back.
const MaxRetryDelay = 10 * time.Second

func (c Consumer) backoff(m jetstream.Msg) time.Duration {
	d := c.RetryDelay
	if meta, err := m.Metadata(); err == nil {
		for i := uint64(1); i < meta.NumDelivered && d < MaxRetryDelay; i++ {
			d *= 2
		}
	}
	return min(d, MaxRetryDelay)
}
