package pages

import (
	"encoding/binary"
	"fmt"
	"sort"
	"sync"

	"github.com/cimviz/cimviz/domains/message"
)

// DefaultLimit is how many bytes of encoded events a [Log] keeps by
// default: about two million small events.
const DefaultLimit = 256 << 20

// chunkSize is the size of the blocks a Log stores events in, so that it
// grows without copying what it holds.
const chunkSize = 1 << 20

// Log keeps a stream's events, encoded, in the order they were stored,
// from the first on, until it holds limit bytes: from then on it keeps no
// more, and pages end at the last event it kept (a reader follows the
// stream from there). It is safe for one writer and many readers.
type Log struct {
	mu     sync.RWMutex
	limit  int
	size   int
	chunks [][]byte
	seqs   []uint64 // per event, ascending
	at     []span   // per event: where its encoding lies
	full   bool
}

type span struct{ chunk, start, end uint32 }

// NewLog returns an empty log that keeps at most limit bytes (0: the
// default).
func NewLog(limit int) *Log {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return &Log{limit: limit}
}

// Add keeps e, unless the log is full or e does not come after the last
// event kept (a stream delivers in order; anything else is ignored).
func (l *Log) Add(e message.Event) {
	enc := AppendEvent(nil, e)
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.seqs); l.full || (n > 0 && e.Sequence <= l.seqs[n-1]) {
		return
	}
	if l.size+len(enc) > l.limit {
		l.full = true
		return
	}
	l.at = append(l.at, l.store(enc))
	l.seqs = append(l.seqs, e.Sequence)
	l.size += len(enc)
}

// store copies enc into the last chunk, or a new one when it does not fit.
func (l *Log) store(enc []byte) span {
	last := len(l.chunks) - 1
	if last < 0 || len(l.chunks[last])+len(enc) > cap(l.chunks[last]) {
		l.chunks = append(l.chunks, make([]byte, 0, max(chunkSize, len(enc))))
		last++
	}
	start := len(l.chunks[last])
	l.chunks[last] = append(l.chunks[last], enc...)
	return span{uint32(last), uint32(start), uint32(start + len(enc))}
}

// Window is one page of a log and where it stands.
type Window struct {
	// Page holds the events from the first kept at or after the sequence
	// asked for, as many as fit the byte budget (none when there are none).
	Page []byte `json:"page"`
	// Last is the sequence of the page's last event (0 when empty).
	Last uint64 `json:"last"`
	// Kept is the sequence of the last event the log holds.
	Kept uint64 `json:"kept"`
	// Full: the log stopped keeping events at Kept; read on from the
	// stream after it.
	Full bool `json:"full"`
}

// Window returns the events from sequence from on, at most maxBytes of
// them (at least one if it fits at all).
func (l *Log) Window(from uint64, maxBytes int) Window {
	l.mu.RLock()
	defer l.mu.RUnlock()
	w := Window{Full: l.full}
	if n := len(l.seqs); n > 0 {
		w.Kept = l.seqs[n-1]
	}
	i := sort.Search(len(l.seqs), func(i int) bool { return l.seqs[i] >= from })
	var body []byte
	n := 0
	for ; i < len(l.seqs); i++ {
		s := l.at[i]
		enc := l.chunks[s.chunk][s.start:s.end]
		if len(body)+len(enc) > maxBytes {
			break
		}
		body = append(body, enc...)
		w.Last = l.seqs[i]
		n++
	}
	if n > 0 {
		w.Page = Encode(n, body)
	}
	return w
}

// Len is how many events the log holds.
func (l *Log) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.seqs)
}

// windowFormat is the first byte of a window's binary form.
const windowFormat = 2

// Binary is the window's wire form: its marks, then its page.
func (w Window) Binary() []byte {
	b := []byte{windowFormat}
	b = binary.AppendUvarint(b, w.Last)
	b = binary.AppendUvarint(b, w.Kept)
	full := byte(0)
	if w.Full {
		full = 1
	}
	return append(append(b, full), w.Page...)
}

// DecodeWindow reads a window's wire form; the page is checked when it is
// decoded ([Decode]). It never panics.
func DecodeWindow(b []byte) (Window, error) {
	if len(b) == 0 || b[0] != windowFormat {
		return Window{}, fmt.Errorf("%w: not a window of format %d", ErrMalformed, windowFormat)
	}
	r := reader{b: b[1:]}
	w := Window{Last: r.uvarint(), Kept: r.uvarint()}
	if r.err != nil || len(r.b) == 0 || r.b[0] > 1 {
		return Window{}, fmt.Errorf("%w: bad window marks", ErrMalformed)
	}
	w.Full = r.b[0] == 1
	if page := r.b[1:]; len(page) > 0 {
		w.Page = page
	}
	return w, nil
}
