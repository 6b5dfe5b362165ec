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

// eventWire is an event's subject and formatted header values, all cut
// from one string: encoding an event costs one allocation.
type eventWire struct {
	subject, messageID, correlationID, causationID, version, time string
}

// encodeEvent formats e's wire strings, using buf as scratch space (it is
// returned for reuse).
func encodeEvent(buf []byte, e Event) ([]byte, eventWire) {
	var ends [6]int
	buf = append(buf, "cim."...)
	buf = append(buf, e.Domain...)
	buf = append(buf, ".evt."...)
	buf = append(buf, e.AggregateID...)
	buf = append(buf, '.')
	buf = append(buf, e.Type...)
	ends[0] = len(buf)
	buf = appendUUID(buf, e.MessageID)
	ends[1] = len(buf)
	buf = appendUUID(buf, e.CorrelationID)
	ends[2] = len(buf)
	buf = appendUUID(buf, e.CausationID)
	ends[3] = len(buf)
	buf = strconv.AppendUint(buf, e.Version, 10)
	ends[4] = len(buf)
	buf = e.Time.UTC().AppendFormat(buf, time.RFC3339Nano)
	ends[5] = len(buf)
	s := string(buf)
	return buf, eventWire{subject: s[:ends[0]], messageID: s[ends[0]:ends[1]], correlationID: s[ends[1]:ends[2]],
		causationID: s[ends[2]:ends[3]], version: s[ends[3]:ends[4]], time: s[ends[4]:ends[5]]}
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
