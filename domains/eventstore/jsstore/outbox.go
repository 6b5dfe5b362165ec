package jsstore

import (
	"sync"

	"github.com/nats-io/nats.go"
)

// combineRounds is how many rounds of queued messages one append publishes
// for the others before it hands the rest to a goroutine of their own, so
// that no caller publishes for everyone for long under sustained load.
const combineRounds = 8

// outbox is group commit on the client side (flat combining): an append
// that finds another publishing queues its message and goes on to wait for
// its ack, and the one publishing sends everything queued in one go. So
// concurrent appends share the connection's lock and flushes instead of
// contending for them, and an append that is alone is sent at once, by
// itself, with no hand-off.
type outbox struct {
	mu    sync.Mutex
	queue []outMsg
	spare []outMsg
	busy  bool
}

// outMsg is a queued message and the ack waiter told if it cannot be sent.
type outMsg struct {
	m     *nats.Msg
	token uint64
}

// send publishes m now, or queues it for the append publishing at the
// moment. A failure to publish goes to the waiter of token.
func (o *outbox) send(nc *nats.Conn, a *acks, m *nats.Msg, token uint64) {
	o.mu.Lock()
	o.queue = append(o.queue, outMsg{m: m, token: token})
	if o.busy {
		o.mu.Unlock()
		return
	}
	o.busy = true
	o.mu.Unlock()
	o.drain(nc, a, combineRounds)
}

// drain publishes what is queued, round after round, until the queue is
// empty or rounds are used up; then a goroutine carries on.
func (o *outbox) drain(nc *nats.Conn, a *acks, rounds int) {
	for round := 0; ; round++ {
		o.mu.Lock()
		if len(o.queue) == 0 {
			o.busy = false
			o.mu.Unlock()
			return
		}
		if round == rounds {
			o.mu.Unlock()
			go o.drain(nc, a, combineRounds)
			return
		}
		batch := o.queue
		o.queue = o.spare[:0]
		o.mu.Unlock()
		publishAll(nc, a, batch)
		clear(batch)
		o.mu.Lock()
		o.spare = batch[:0]
		o.mu.Unlock()
	}
}

// publishAll sends the messages in order; one that fails fails its append.
func publishAll(nc *nats.Conn, a *acks, batch []outMsg) {
	for _, q := range batch {
		if err := nc.PublishMsg(q.m); err != nil {
			a.fail(q.token, err)
		}
	}
}
