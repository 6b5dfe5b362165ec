package storebench

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
)

// RawCheckedAppend is raw nats.go doing what the store's single-event
// append asks of the server, and nothing more: async JetStream publishes
// of the store's messages (identity headers with Nats-Msg-Id, and
// Nats-Expected-Last-Subject-Sequence on the aggregate's subjects), one
// event in flight for each of aggregates aggregates, each aggregate's next
// event sent as soon as the ack of its last gives the sequence to expect.
// It returns acknowledged events/s: the ceiling of any checked append on
// this server, whatever the client does.
func RawCheckedAppend(ctx context.Context, nc *nats.Conn, n, aggregates int) (float64, error) {
	domain := fmt.Sprintf("checked%d", nextAggregate.Add(1))
	if _, err := jsstore.Open(ctx, nc, domain); err != nil {
		return 0, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return 0, err
	}
	p := &checkedPipe{js: js, domain: domain, cause: message.NewRoot(), versions: make([]uint64, aggregates)}
	n = max(n, aggregates)
	return perSecond(n, func() error { return p.run(ctx, n) })
}

// checkedPipe keeps one checked publish in flight per aggregate.
type checkedPipe struct {
	js       jetstream.JetStream
	domain   string
	cause    message.Identity
	versions []uint64
}

// run sends n events; acks come back in publish order, so the oldest
// future is the next to wait for, and its aggregate the next to send.
func (p *checkedPipe) run(ctx context.Context, n int) error {
	inFlight := make([]jetstream.PubAckFuture, len(p.versions))
	for a := range inFlight {
		f, err := p.send(a, 0)
		if err != nil {
			return err
		}
		inFlight[a] = f
	}
	for i := 0; i < n; i++ {
		a := i % len(inFlight)
		seq, err := waitAck(ctx, inFlight[a])
		if err != nil {
			return fmt.Errorf("checked append to agg%d: %w", a, err)
		}
		if i+len(inFlight) >= n {
			continue
		}
		if inFlight[a], err = p.send(a, seq); err != nil {
			return err
		}
	}
	return nil
}

// send publishes aggregate a's next event, expecting sequence seq.
func (p *checkedPipe) send(a int, seq uint64) (jetstream.PubAckFuture, error) {
	agg := "agg" + strconv.Itoa(a)
	p.versions[a]++
	e := message.NewEvent(p.cause, p.domain, "Type1", agg, p.versions[a], Payload)
	m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
	m.Header["Nats-Expected-Last-Subject-Sequence"] = []string{strconv.FormatUint(seq, 10)}
	m.Header["Nats-Expected-Last-Subject-Sequence-Subject"] = []string{eventstore.AggregateSubjects(p.domain, agg)}
	return p.js.PublishMsgAsync(m, jetstream.WithStallWait(time.Minute))
}

func waitAck(ctx context.Context, f jetstream.PubAckFuture) (uint64, error) {
	select {
	case ack := <-f.Ok():
		return ack.Sequence, nil
	case err := <-f.Err():
		return 0, err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
