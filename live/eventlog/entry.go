package eventlog

import (
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// Kinds of entry, from the type header or else the subject's kind token.
const (
	KindEvent   = "event"
	KindCommand = "command"
	KindQuery   = "query"
	KindOther   = "other"
)

// Header is one header value kept with an entry (only the first value of
// each header is kept).
type Header struct{ Key, Value string }

// Entry is one logged message. Entries in a [Log] are bounded copies:
// they never share memory with what was pushed.
type Entry struct {
	// Subject is where the message was published.
	Subject string
	// Kind is one of KindEvent, KindCommand, KindQuery, KindOther.
	Kind string
	// Type is the event or command type ("" when the headers have none).
	Type string
	// Aggregate is the X-Aggregate-ID header.
	Aggregate string
	// Time is the X-Time header when it parses, else when it arrived.
	Time time.Time
	// Sequence is the store sequence, known only for entries made from a
	// stored event ([FromEvent]); a plain NATS subscriber never sees it.
	Sequence uint64
	// Identity holds the message, correlation and causation IDs (zero
	// UUIDs where a header is missing or bad).
	Identity message.Identity
	Headers  []Header
	Body     []byte
	// Truncated says that the subject, headers or body were cut to fit
	// the per-entry byte cap.
	Truncated bool
}

// Header returns the first value of the named header ("" if absent).
func (e *Entry) Header(key string) string {
	for _, h := range e.Headers {
		if strings.EqualFold(h.Key, key) {
			return h.Value
		}
	}
	return ""
}

// FromMsg makes an entry from a message as a NATS subscriber sees it. It
// reads what it can and never fails: a log must show malformed traffic
// too. The result may share memory with its arguments; [Log.Push] copies.
func FromMsg(subj string, h nats.Header, body []byte, arrived time.Time) Entry {
	e := Entry{Subject: subj, Time: arrived, Body: body, Headers: flatten(h)}
	e.Type, e.Kind = typeOf(h, subj)
	e.Aggregate = h.Get(message.HeaderAggregateID)
	if t, err := time.Parse(time.RFC3339Nano, h.Get(message.HeaderTime)); err == nil {
		e.Time = t
	}
	e.Identity = message.Identity{
		MessageID:     parseID(h.Get(message.HeaderMessageID)),
		CorrelationID: parseID(h.Get(message.HeaderCorrelationID)),
		CausationID:   parseID(h.Get(message.HeaderCausationID)),
	}
	return e
}

// FromEvent makes an entry from a stored event (its wire headers, subject
// and store sequence).
func FromEvent(ev message.Event) Entry {
	e := FromMsg(ev.Subject(), ev.Headers(), ev.Payload, ev.Time)
	e.Sequence = ev.Sequence
	return e
}

func typeOf(h nats.Header, subj string) (typ, kind string) {
	if t := h.Get(message.HeaderEventType); t != "" {
		return t, KindEvent
	}
	if t := h.Get(message.HeaderCommandType); t != "" {
		return t, KindCommand
	}
	s, err := subject.Parse(subj)
	if err != nil {
		return "", KindOther
	}
	switch s.Kind {
	case subject.KindEvent:
		return s.Name, KindEvent
	case subject.KindCommand:
		return s.Name, KindCommand
	case subject.KindQuery:
		return s.Name, KindQuery
	}
	return s.Name, KindOther
}

func parseID(s string) uuid.UUID {
	u, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil
	}
	return u
}

func flatten(h nats.Header) []Header {
	out := make([]Header, 0, len(h))
	for k, v := range h {
		if len(v) > 0 {
			out = append(out, Header{k, v[0]})
		}
	}
	slices.SortFunc(out, func(a, b Header) int { return strings.Compare(a.Key, b.Key) })
	return out
}
