package message

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
)

// ErrMalformed marks a message that cannot be decoded: a missing or bad
// header, a body that is not JSON.
var ErrMalformed = errors.New("malformed message")

// Header names. Metadata travels in headers so that a body is exactly the
// JSON payload, readable with `nats sub 'cim.>'`.
const (
	HeaderMessageID        = "X-Message-ID"
	HeaderCorrelationID    = "X-Correlation-ID"
	HeaderCausationID      = "X-Causation-ID"
	HeaderEventType        = "X-Event-Type"
	HeaderCommandType      = "X-Command-Type"
	HeaderAggregateID      = "X-Aggregate-ID"
	HeaderAggregateVersion = "X-Aggregate-Version"
	HeaderTime             = "X-Time"
	// HeaderActor names the principal acting (an identity domain's
	// principal ID); optional on commands, copied onto their events.
	HeaderActor = "X-Actor"
	// HeaderMsgID is JetStream's de-duplication header; it carries the
	// message ID so a retried publish is stored once.
	HeaderMsgID = "Nats-Msg-Id"
)

// Event is a fact a domain service persisted. Sequence is the store's
// position of the event (0 until stored); it is not part of the wire form
// beyond what the store itself reports.
type Event struct {
	Identity
	Domain      string          `json:"domain"`
	Type        string          `json:"type"`
	AggregateID string          `json:"aggregate_id"`
	Version     uint64          `json:"version"`
	Time        time.Time       `json:"time"`
	Payload     json.RawMessage `json:"payload,omitempty"`
	Sequence    uint64          `json:"sequence,omitempty"`
	// Chain is set on the events of a decision stored one message at a
	// time (see [Chain]); nil for the usual atomic append.
	Chain *Chain `json:"chain,omitempty"`
	// Actor is the principal whose command caused the event ("" when the
	// command named none).
	Actor string `json:"actor,omitempty"`
}

// Command asks a domain service to change an aggregate. ExpectedVersion,
// when non-zero, makes the command fail with a conflict unless the
// aggregate is at that version.
type Command struct {
	Identity
	Domain          string          `json:"domain"`
	Type            string          `json:"type"`
	AggregateID     string          `json:"aggregate_id"`
	ExpectedVersion uint64          `json:"expected_version,omitempty"`
	Payload         json.RawMessage `json:"payload,omitempty"`
	// Actor is the acting principal's ID from X-Actor ("" for none).
	Actor string `json:"actor,omitempty"`
}

// MaxActor bounds the length of an X-Actor header.
const MaxActor = 256

// NewEvent makes an event caused by the message with identity cause.
// Its ID and Time come from one clock reading.
func NewEvent(cause Identity, domain, typ, aggregateID string, version uint64, payload json.RawMessage) Event {
	now := time.Now()
	return Event{Identity: cause.causedAt(now), Domain: domain, Type: typ, AggregateID: aggregateID,
		Version: version, Time: now.UTC(), Payload: payload}
}

// NewCommand makes a root command (a new correlation).
func NewCommand(domain, typ, aggregateID string, payload json.RawMessage) Command {
	return Command{Identity: NewRoot(), Domain: domain, Type: typ, AggregateID: aggregateID, Payload: payload}
}

// Headers returns the wire headers of an event. The map has room for a
// few more (a store adds its concurrency and batch headers).
func (e Event) Headers() nats.Header {
	var scratch [256]byte
	w := encodeEvent(scratch[:0], e)
	h := make(nats.Header, 12)
	w.fill(h, e)
	addChainHeaders(h, e)
	setActor(h, e.Actor)
	return h
}

// setActor sets X-Actor to actor, or removes it when actor is "".
func setActor(h nats.Header, actor string) {
	if actor == "" {
		delete(h, HeaderActor)
		return
	}
	h[HeaderActor] = []string{actor}
}

// decodeActor reads X-Actor: optional, at most MaxActor bytes.
func decodeActor(h nats.Header) (string, error) {
	a := h.Get(HeaderActor)
	if len(a) > MaxActor {
		return "", fmt.Errorf("%w: header %s is %d bytes, limit %d", ErrMalformed, HeaderActor, len(a), MaxActor)
	}
	return a, nil
}

// Headers returns the wire headers of a command.
func (c Command) Headers() nats.Header {
	h := identityHeaders(c.Identity, 6)
	h[HeaderCommandType] = []string{c.Type}
	h[HeaderAggregateID] = []string{c.AggregateID}
	if c.ExpectedVersion != 0 {
		h[HeaderAggregateVersion] = []string{strconv.FormatUint(c.ExpectedVersion, 10)}
	}
	setActor(h, c.Actor)
	return h
}

func identityHeaders(id Identity, size int) nats.Header {
	h := make(nats.Header, size)
	mid := id.MessageID.String()
	h[HeaderMessageID] = []string{mid}
	h[HeaderMsgID] = []string{mid}
	h[HeaderCorrelationID] = []string{id.CorrelationID.String()}
	h[HeaderCausationID] = []string{id.CausationID.String()}
	return h
}

// DecodeEvent rebuilds an event of the given domain from its wire headers
// and body. It never panics; any defect is an error wrapping ErrMalformed.
func DecodeEvent(domain string, h nats.Header, body []byte) (Event, error) {
	e := Event{Domain: domain}
	var err error
	if e.Identity, err = decodeIdentity(h); err != nil {
		return Event{}, err
	}
	if e.Type, err = required(h, HeaderEventType); err != nil {
		return Event{}, err
	}
	if e.AggregateID, err = required(h, HeaderAggregateID); err != nil {
		return Event{}, err
	}
	if e.Version, err = decodeUint(h, HeaderAggregateVersion, true); err != nil {
		return Event{}, err
	}
	if e.Time, err = decodeTime(h); err != nil {
		return Event{}, err
	}
	if e.Chain, err = decodeChain(h); err != nil {
		return Event{}, err
	}
	if e.Actor, err = decodeActor(h); err != nil {
		return Event{}, err
	}
	if e.Payload, err = decodeBody(body); err != nil {
		return Event{}, err
	}
	return e, nil
}

// DecodeCommand rebuilds a command of the given domain from its wire form.
func DecodeCommand(domain string, h nats.Header, body []byte) (Command, error) {
	c := Command{Domain: domain}
	var err error
	if c.Identity, err = decodeIdentity(h); err != nil {
		return Command{}, err
	}
	if c.Type, err = required(h, HeaderCommandType); err != nil {
		return Command{}, err
	}
	c.AggregateID = h.Get(HeaderAggregateID)
	if c.ExpectedVersion, err = decodeUint(h, HeaderAggregateVersion, false); err != nil {
		return Command{}, err
	}
	if c.Actor, err = decodeActor(h); err != nil {
		return Command{}, err
	}
	if c.Payload, err = decodeBody(body); err != nil {
		return Command{}, err
	}
	return c, nil
}

func decodeIdentity(h nats.Header) (Identity, error) {
	var id Identity
	var err error
	if id.MessageID, err = decodeUUID(h, HeaderMessageID); err != nil {
		return id, err
	}
	if id.CorrelationID, err = decodeUUID(h, HeaderCorrelationID); err != nil {
		return id, err
	}
	id.CausationID, err = decodeUUID(h, HeaderCausationID)
	return id, err
}

func decodeUUID(h nats.Header, key string) (uuid.UUID, error) {
	s, err := required(h, key)
	if err != nil {
		return uuid.Nil, err
	}
	u, err := uuid.Parse(s)
	if err != nil || u == uuid.Nil {
		return uuid.Nil, fmt.Errorf("%w: header %s: %q is not a UUID", ErrMalformed, key, s)
	}
	return u, nil
}

func required(h nats.Header, key string) (string, error) {
	v := h.Get(key)
	if v == "" {
		return "", fmt.Errorf("%w: missing header %s", ErrMalformed, key)
	}
	return v, nil
}

func decodeUint(h nats.Header, key string, must bool) (uint64, error) {
	s := h.Get(key)
	if s == "" && !must {
		return 0, nil
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: header %s: %q is not a number", ErrMalformed, key, s)
	}
	return n, nil
}

func decodeTime(h nats.Header) (time.Time, error) {
	s, err := required(h, HeaderTime)
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: header %s: %q is not an RFC 3339 time", ErrMalformed, HeaderTime, s)
	}
	return t, nil
}

func decodeBody(body []byte) (json.RawMessage, error) {
	if len(body) == 0 {
		return nil, nil
	}
	if !json.Valid(body) {
		return nil, fmt.Errorf("%w: body is not valid JSON", ErrMalformed)
	}
	return json.RawMessage(body), nil
}
