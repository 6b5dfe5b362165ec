package message

import (
	"fmt"
	"sync"

	"github.com/nats-io/nats.go"
)

// Publisher sends events on core NATS, subject and headers as a store
// writes them, for live notifications (no persistence, no ack). It is
// safe for concurrent use.
//
// It is lean: the nats.Msg and its header map are pooled and refilled in
// place through kept value slices, an event's subject and header values
// cost one allocation, and the IDs and time text it shares with the
// previous event are not formatted again.
type Publisher struct {
	nc   *nats.Conn
	pool sync.Pool
}

type pubState struct {
	msg     nats.Msg
	headers headerSlots
	enc     encoder
}

// NewPublisher returns a Publisher on nc.
func NewPublisher(nc *nats.Conn) *Publisher {
	p := &Publisher{nc: nc}
	p.pool.New = func() any {
		st := &pubState{headers: newHeaderSlots(), enc: encoder{buf: make([]byte, 0, 256), reuse: true}}
		st.msg.Header = st.headers.h
		return st
	}
	return p
}

// Publish sends e on its subject ([Event.Subject]) with its headers. The
// event should be one a store accepted: its names are not re-checked.
func (p *Publisher) Publish(e Event) error {
	st := p.pool.Get().(*pubState)
	w := st.enc.encode(e)
	st.headers.set(w, e)
	setActor(st.msg.Header, e.Actor)
	st.msg.Subject, st.msg.Data = w.subject, e.Payload
	err := p.nc.PublishMsg(&st.msg)
	st.msg.Data = nil
	p.pool.Put(st)
	if err != nil {
		return fmt.Errorf("publish %s: %w", w.subject, err)
	}
	return nil
}
