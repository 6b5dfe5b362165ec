package pages

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

// ErrMalformed marks a page that does not decode.
var ErrMalformed = errors.New("malformed page")

// format is the first byte of a page; another value is refused.
const format = 1

// maxField bounds one string or payload in a page (a bad length must not
// make the decoder allocate gigabytes).
const maxField = 64 << 20

// AppendEvent appends e's encoding to buf: sequence, version, time, the
// three identity UUIDs, type, aggregate, payload and chain (JSON, empty
// when none). The domain is the page's, not the event's.
func AppendEvent(buf []byte, e message.Event) []byte {
	buf = binary.AppendUvarint(buf, e.Sequence)
	buf = binary.AppendUvarint(buf, e.Version)
	buf = binary.AppendVarint(buf, e.Time.UnixNano())
	buf = append(buf, e.MessageID[:]...)
	buf = append(buf, e.CorrelationID[:]...)
	buf = append(buf, e.CausationID[:]...)
	buf = appendBytes(buf, []byte(e.Type))
	buf = appendBytes(buf, []byte(e.AggregateID))
	buf = appendBytes(buf, e.Payload)
	var chain []byte
	if e.Chain != nil {
		chain, _ = json.Marshal(e.Chain)
	}
	return appendBytes(buf, chain)
}

func appendBytes(buf, b []byte) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(b)))
	return append(buf, b...)
}

// Encode makes a page of encoded events (as [AppendEvent] wrote them,
// concatenated) holding n events.
func Encode(n int, events []byte) []byte {
	page := binary.AppendUvarint([]byte{format}, uint64(n))
	return append(page, events...)
}

// Decode reads a page of domain's events. It never panics; any defect is
// an error wrapping ErrMalformed.
func Decode(domain string, page []byte) ([]message.Event, error) {
	if len(page) == 0 || page[0] != format {
		return nil, fmt.Errorf("%w: not a page of format %d", ErrMalformed, format)
	}
	r := reader{b: page[1:]}
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.fail("count")
	}
	if r.err != nil {
		return nil, r.err
	}
	out := make([]message.Event, 0, n)
	for range n {
		e := r.event(domain)
		if r.err != nil {
			return nil, fmt.Errorf("event %d of %d: %w", len(out)+1, n, r.err)
		}
		out = append(out, e)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the last event", ErrMalformed, len(r.b))
	}
	return out, nil
}

// reader walks a page; the first defect sticks in err.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s", ErrMalformed, what)
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) id() uuid.UUID {
	var u uuid.UUID
	if len(r.b) < len(u) {
		r.fail("id")
		return u
	}
	copy(u[:], r.b)
	r.b = r.b[len(u):]
	return u
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil || n > maxField || n > uint64(len(r.b)) {
		r.fail("length")
		return nil
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) event(domain string) message.Event {
	e := message.Event{Domain: domain, Sequence: r.uvarint(), Version: r.uvarint()}
	e.Time = time.Unix(0, r.varint()).UTC()
	e.MessageID, e.CorrelationID, e.CausationID = r.id(), r.id(), r.id()
	e.Type, e.AggregateID = string(r.bytes()), string(r.bytes())
	if p := r.bytes(); len(p) > 0 {
		e.Payload = p
	}
	if c := r.bytes(); len(c) > 0 && r.err == nil {
		e.Chain = &message.Chain{}
		if err := json.Unmarshal(c, e.Chain); err != nil || e.Chain.Validate() != nil {
			r.fail("chain")
		}
	}
	if r.err == nil && (e.Type == "" || e.AggregateID == "") {
		r.fail("event: no type or aggregate")
	}
	return e
}
