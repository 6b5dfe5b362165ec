package jsstore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
)

// acks routes the server's replies to the appends waiting for them: one
// wildcard reply subscription per store (_INBOX.<unique>.*), a numbered
// token per append, and a one-slot channel the reply is handed to. The
// waiting append decodes its own ack, so decoding runs in parallel.
type acks struct {
	prefix  string // reply subjects are prefix + token
	sub     *nats.Subscription
	mu      sync.Mutex
	next    uint64
	waiting map[uint64]chan ackReply
	stopped bool
}

// ackReply is what an append waiting for its ack is handed: the server's
// reply, or the error that kept its message from being sent; neither
// means the store was closed.
type ackReply struct {
	m   *nats.Msg
	err error
}

// statusNoResponders is the status header of a request nothing answered.
const statusNoResponders = "503"

func (a *acks) start(nc *nats.Conn) error {
	a.prefix = nc.NewInbox() + "."
	a.waiting = map[uint64]chan ackReply{}
	sub, err := nc.Subscribe(a.prefix+"*", a.route)
	if err != nil {
		return fmt.Errorf("ack subscription: %w", err)
	}
	a.sub = sub
	return nil
}

// stop ends the subscription and wakes every waiter with a nil reply.
func (a *acks) stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopped {
		return
	}
	a.stopped = true
	_ = a.sub.Unsubscribe()
	for token, ch := range a.waiting {
		ch <- ackReply{}
		delete(a.waiting, token)
	}
}

// expect registers a waiter and returns its reply subject.
func (a *acks) expect() (string, uint64, chan ackReply) {
	ch := make(chan ackReply, 1)
	a.mu.Lock()
	a.next++
	token := a.next
	if a.stopped {
		ch <- ackReply{}
	} else {
		a.waiting[token] = ch
	}
	a.mu.Unlock()
	return a.prefix + strconv.FormatUint(token, 10), token, ch
}

func (a *acks) forget(token uint64) { a.hand(token, nil) }

// fail hands err to the waiter of token, if it still waits.
func (a *acks) fail(token uint64, err error) { a.hand(token, &ackReply{err: err}) }

// hand removes the waiter of token and gives it r (none if r is nil).
func (a *acks) hand(token uint64, r *ackReply) {
	a.mu.Lock()
	ch, ok := a.waiting[token]
	delete(a.waiting, token)
	a.mu.Unlock()
	if ok && r != nil {
		ch <- *r
	}
}

// route hands a reply to its waiter; a reply nobody waits for (its
// append gave up) is dropped.
func (a *acks) route(m *nats.Msg) {
	token, err := strconv.ParseUint(m.Subject[min(len(a.prefix), len(m.Subject)):], 10, 64)
	if err == nil {
		a.hand(token, &ackReply{m: m})
	}
}

// publishAck is the reply to m: the stream sequence it was stored at.
func (s *Store) publishAck(ctx context.Context, m *nats.Msg) (uint64, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, ackTimeout)
		defer cancel()
	}
	reply, token, ch := s.acks.expect()
	m.Reply = reply
	s.out.send(s.nc, &s.acks, m, token)
	select {
	case r := <-ch:
		if r.err != nil {
			return 0, fmt.Errorf("publish %s: %w", m.Subject, r.err)
		}
		if r.m == nil {
			return 0, fmt.Errorf("publish %s: %w: %s", m.Subject, eventstore.ErrClosed, s.stream)
		}
		return s.readAck(m.Subject, r.m)
	case <-ctx.Done():
		s.acks.forget(token)
		return 0, fmt.Errorf("publish %s: %w", m.Subject, ctx.Err())
	}
}

func (s *Store) readAck(subject string, r *nats.Msg) (uint64, error) {
	if len(r.Data) == 0 && r.Header.Get("Status") == statusNoResponders {
		return 0, fmt.Errorf("publish %s: stream %s is gone: %w", subject, s.stream, nats.ErrNoResponders)
	}
	if seq, ok := s.parseAck(r.Data); ok {
		return seq, nil
	}
	var ack pubAck
	if err := json.Unmarshal(r.Data, &ack); err != nil {
		return 0, fmt.Errorf("publish %s: unreadable ack %q: %w", subject, r.Data, err)
	}
	if ack.Error != nil {
		return 0, ackError(subject, ack.Error.ErrCode, ack.Error.Description)
	}
	return ack.Seq, nil
}

// pubAck is the server's reply to a JetStream publish.
type pubAck struct {
	Error *struct {
		ErrCode     int    `json:"err_code"`
		Description string `json:"description"`
	} `json:"error"`
	Seq uint64 `json:"seq"`
}

// parseAck reads the server's usual success reply, {"stream":"<this
// stream>","seq":<n>} exactly (nats-server writes it from a template);
// anything else (duplicates, errors, another stream) is left to
// encoding/json.
func (s *Store) parseAck(data []byte) (uint64, bool) {
	digits, ok := bytes.CutPrefix(data, s.ackPrefix)
	if !ok {
		return 0, false
	}
	digits, ok = bytes.CutSuffix(digits, []byte("}"))
	if !ok || len(digits) == 0 || (len(digits) > 1 && digits[0] == '0') {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	seq, err := strconv.ParseUint(string(digits), 10, 64)
	return seq, err == nil
}

// ackPrefix is the start of a success reply from stream.
func ackPrefix(stream string) []byte {
	name, _ := json.Marshal(stream)
	return []byte(`{"stream":` + string(name) + `,"seq":`)
}
