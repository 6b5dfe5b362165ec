package memstore

import (
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// Records live in fixed-size chunks that never move, so growing the log
// copies nothing and wastes at most one chunk.
const (
	chunkBits = 12
	chunkSize = 1 << chunkBits
	// Payloads are packed into blocks; bigger ones get their own slice.
	blockSize  = 64 << 10
	ownPayload = 8 << 10
)

// record is one stored event without what its subject already says.
type record struct {
	id, correlation, causation uuid.UUID
	time                       int64
	version                    uint64
	payload                    []byte
	chain                      *message.Chain // nil unless the event is one of a chain
}

// subjectInfo is one distinct subject, interned: aggregate and type are
// substrings of name.
type subjectInfo struct {
	name, aggregate, typ string
	positions            []uint32
}

// eventLog is the store's data; the Store's lock guards it.
type eventLog struct {
	chunks    [][]record
	subjectOf []uint32 // per position: index into subjects
	subjects  []subjectInfo
	bySubject map[string]uint32
	versions  map[string][]uint32 // aggregate -> positions by version-1
	byID      map[uuid.UUID]uint32
	block     []byte
}

func newLog() *eventLog {
	return &eventLog{bySubject: map[string]uint32{}, versions: map[string][]uint32{}, byID: map[uuid.UUID]uint32{}}
}

func (l *eventLog) len() uint32 { return uint32(len(l.subjectOf)) }

func (l *eventLog) at(pos uint32) *record { return &l.chunks[pos>>chunkBits][pos&(chunkSize-1)] }

// add stores one checked event and returns its position.
func (l *eventLog) add(domain string, e message.Event) uint32 {
	pos := l.len()
	if pos&(chunkSize-1) == 0 {
		l.chunks = append(l.chunks, make([]record, chunkSize))
	}
	*l.at(pos) = record{id: e.MessageID, correlation: e.CorrelationID, causation: e.CausationID,
		time: e.Time.UnixNano(), version: e.Version, payload: l.keep(e.Payload),
		chain: e.Chain.Clone()}
	subj := l.intern(domain, e.AggregateID, e.Type)
	l.subjectOf = append(l.subjectOf, subj)
	l.subjects[subj].positions = append(l.subjects[subj].positions, pos)
	l.versions[e.AggregateID] = append(l.versions[e.AggregateID], pos)
	l.byID[e.MessageID] = pos
	return pos
}

func (l *eventLog) intern(domain, aggregate, typ string) uint32 {
	name := eventstore.Subject(domain, aggregate, typ)
	if i, ok := l.bySubject[name]; ok {
		return i
	}
	i := uint32(len(l.subjects))
	typStart := len(name) - len(typ)
	l.subjects = append(l.subjects, subjectInfo{name: name,
		aggregate: name[typStart-1-len(aggregate) : typStart-1], typ: name[typStart:]})
	l.bySubject[name] = i
	return i
}

// keep copies a payload into the current block (3-index slice, so no one
// can append over a neighbour).
func (l *eventLog) keep(p []byte) []byte {
	n := len(p)
	switch {
	case n == 0:
		return nil
	case n > ownPayload:
		return append([]byte(nil), p...)
	case cap(l.block)-len(l.block) < n:
		l.block = make([]byte, 0, blockSize)
	}
	start := len(l.block)
	l.block = append(l.block, p...)
	return l.block[start:len(l.block):len(l.block)]
}

// event rebuilds the event at pos; the payload is a copy.
func (l *eventLog) event(domain string, pos uint32) message.Event {
	r := l.at(pos)
	s := &l.subjects[l.subjectOf[pos]]
	e := message.Event{Domain: domain, Type: s.typ, AggregateID: s.aggregate, Version: r.version,
		Time: time.Unix(0, r.time).UTC(), Sequence: uint64(pos) + 1}
	e.MessageID, e.CorrelationID, e.CausationID = r.id, r.correlation, r.causation
	if r.payload != nil {
		e.Payload = append([]byte(nil), r.payload...)
	}
	e.Chain = r.chain.Clone()
	return e
}
