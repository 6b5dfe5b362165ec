package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/subject"
)

// TraceSubjects is where enforcers send their traces, one subject per
// judged domain (cim.policy.trace.<domain>). It is outside the policy
// stream (cim.policy.evt.>): traces are not events of any policy.
const TraceSubjects = subject.Root + "." + Name + ".trace.>"

// TraceSubject is the subject of the traces of domain's commands.
func TraceSubject(domain string) string { return subject.Root + "." + Name + ".trace." + domain }

// Publisher sends each trace to the policy service on core NATS. Publish
// only queues the message in the connection's buffer, so recording never
// waits for the network; a trace that cannot be queued is counted and
// dropped (traces are a diagnosis, not a record of truth).
type Publisher struct {
	nc      *nats.Conn
	dropped atomic.Uint64
}

var _ Recorder = (*Publisher)(nil)

// NewPublisher publishes traces on nc.
func NewPublisher(nc *nats.Conn) *Publisher { return &Publisher{nc: nc} }

// Record publishes t.
func (p *Publisher) Record(t Trace) {
	data, err := json.Marshal(t)
	if err == nil {
		err = p.nc.Publish(TraceSubject(t.Domain), data)
	}
	if err != nil {
		p.dropped.Add(1)
	}
}

// Dropped is how many traces could not be sent.
func (p *Publisher) Dropped() uint64 { return p.dropped.Load() }

// Collect keeps every trace published on nc in log until the returned
// subscription is unsubscribed (or nc closes). Messages that do not
// decode are skipped.
func Collect(nc *nats.Conn, log *TraceLog) (*nats.Subscription, error) {
	sub, err := nc.Subscribe(TraceSubjects, func(m *nats.Msg) {
		if t, err := DecodeTrace(m.Data); err == nil {
			log.Record(t)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("collect policy traces: %w", err)
	}
	return sub, nc.Flush()
}

// StartEnforcer is the enforcer a host gives every domain it serves: it
// follows the policy and identity streams on nc (opened with opts, e.g.
// jsstore.WithReplicas) and publishes its traces to the policy service.
// It returns once both projections hold what was stored; Stop it after
// the services it guards.
func StartEnforcer(ctx context.Context, nc *nats.Conn, opts ...jsstore.Option) (*Enforcer, error) {
	polStore, err := jsstore.Open(ctx, nc, Name, opts...)
	if err != nil {
		return nil, fmt.Errorf("policy enforcer: %w", err)
	}
	idStore, err := jsstore.Open(ctx, nc, identity.Name, opts...)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("policy enforcer: %w", err), polStore.Close())
	}
	closeStores := func() { _ = polStore.Close(); _ = idStore.Close() }
	book, err := FollowBook(ctx, polStore)
	if err != nil {
		closeStores()
		return nil, err
	}
	dir, err := FollowDirectory(ctx, idStore)
	if err != nil {
		book.Stop()
		closeStores()
		return nil, err
	}
	e := NewEnforcer(book, dir, WithRecorder(NewPublisher(nc)))
	e.stop = []func(){book.Stop, dir.Stop, closeStores}
	return e, nil
}
