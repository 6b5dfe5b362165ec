package message

import (
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
)

// EventSubject is where an event lives: cim.<domain>.evt.<aggregate>.<type>.
func EventSubject(domain, aggregateID, typ string) string {
	return "cim." + domain + ".evt." + aggregateID + "." + typ
}

// Subject is the event's subject ([EventSubject]).
func (e Event) Subject() string { return EventSubject(e.Domain, e.AggregateID, e.Type) }

// eventWire is an event's subject and formatted header values, cut from
// one string: encoding an event costs one allocation.
type eventWire struct {
	subject, messageID, correlationID, causationID, version, time string
}

// encoder formats events' wire strings. A reusing encoder (a Publisher's)
// also remembers the last correlation and causation IDs and the last
// second's text: the events of one command share them, so those are
// formatted once.
type encoder struct {
	buf                 []byte
	reuse               bool
	sec                 int64
	secText             string
	corr, cause         uuid.UUID
	corrText, causeText string
}

// encodeEvent formats e's wire strings with a one-off encoder over buf.
func encodeEvent(buf []byte, e Event) eventWire {
	enc := encoder{buf: buf}
	return enc.encode(e)
}

func (enc *encoder) encode(e Event) eventWire {
	corrHit := enc.reuse && enc.corrText != "" && e.CorrelationID == enc.corr
	causeHit := enc.reuse && enc.causeText != "" && e.CausationID == enc.cause
	var end [6]int
	b := appendSubject(enc.buf[:0], e)
	end[0] = len(b)
	b = appendUUID(b, e.MessageID)
	end[1] = len(b)
	if !corrHit {
		b = appendUUID(b, e.CorrelationID)
	}
	end[2] = len(b)
	if !causeHit {
		b = appendUUID(b, e.CausationID)
	}
	end[3] = len(b)
	b = strconv.AppendUint(b, e.Version, 10)
	end[4] = len(b)
	b = enc.appendTime(b, e.Time)
	end[5] = len(b)
	enc.buf = b
	s := string(b)
	w := eventWire{subject: s[:end[0]], messageID: s[end[0]:end[1]], correlationID: s[end[1]:end[2]],
		causationID: s[end[2]:end[3]], version: s[end[3]:end[4]], time: s[end[4]:end[5]]}
	return enc.remember(w, e, corrHit, causeHit)
}

// remember swaps in the remembered ID texts on a hit and keeps this
// event's for the next.
func (enc *encoder) remember(w eventWire, e Event, corrHit, causeHit bool) eventWire {
	if corrHit {
		w.correlationID = enc.corrText
	}
	if causeHit {
		w.causationID = enc.causeText
	}
	if enc.reuse {
		enc.corr, enc.corrText, enc.cause, enc.causeText = e.CorrelationID, w.correlationID, e.CausationID, w.causationID
	}
	return w
}

func appendSubject(b []byte, e Event) []byte {
	b = append(b, "cim."...)
	b = append(b, e.Domain...)
	b = append(b, ".evt."...)
	b = append(b, e.AggregateID...)
	b = append(b, '.')
	return append(b, e.Type...)
}

// appendTime writes t as time.RFC3339Nano in UTC. A reusing encoder
// formats the date and clock once per second and only the fraction after.
func (enc *encoder) appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	if y := t.Year(); !enc.reuse || y < 0 || y > 9999 {
		return t.AppendFormat(b, time.RFC3339Nano)
	}
	if sec := t.Unix(); enc.secText == "" || sec != enc.sec {
		enc.sec, enc.secText = sec, string(t.AppendFormat(nil, "2006-01-02T15:04:05"))
	}
	b = append(b, enc.secText...)
	if ns := t.Nanosecond(); ns != 0 {
		b = appendFraction(append(b, '.'), ns)
	}
	return append(b, 'Z')
}

// appendFraction writes nanoseconds as nine digits without trailing zeros.
func appendFraction(b []byte, ns int) []byte {
	var d [9]byte
	for i := 8; i >= 0; i-- {
		d[i] = byte('0' + ns%10)
		ns /= 10
	}
	n := 9
	for n > 1 && d[n-1] == '0' {
		n--
	}
	return append(b, d[:n]...)
}

// headerOrder lists an event's headers in the order of eventWire.values.
var headerOrder = [8]string{HeaderMessageID, HeaderMsgID, HeaderCorrelationID, HeaderCausationID,
	HeaderEventType, HeaderAggregateID, HeaderAggregateVersion, HeaderTime}

// values returns the header values in headerOrder.
func (w eventWire) values(e Event) [8]string {
	return [8]string{w.messageID, w.messageID, w.correlationID, w.causationID, e.Type, e.AggregateID, w.version, w.time}
}

// fill sets e's headers in a fresh h.
func (w eventWire) fill(h nats.Header, e Event) {
	for i, v := range w.values(e) {
		h[headerOrder[i]] = []string{v}
	}
}

// headerSlots is a header map whose value slices are kept, so refilling it
// for the next event costs no map operations.
type headerSlots struct {
	h     nats.Header
	slots [8][]string
}

func newHeaderSlots() headerSlots {
	hs := headerSlots{h: make(nats.Header, len(headerOrder))}
	for i, k := range headerOrder {
		hs.slots[i] = []string{""}
		hs.h[k] = hs.slots[i]
	}
	return hs
}

func (hs *headerSlots) set(w eventWire, e Event) {
	for i, v := range w.values(e) {
		hs.slots[i][0] = v
	}
}

const hexDigits = "0123456789abcdef"

// appendUUID appends u in its canonical form (as u.String() writes it)
// without allocating.
func appendUUID(buf []byte, u uuid.UUID) []byte {
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			buf = append(buf, '-')
		}
		buf = append(buf, hexDigits[b>>4], hexDigits[b&0x0f])
	}
	return buf
}
