package eventlog

import "unsafe"

// Caps on what one entry keeps.
const (
	// DefaultCapacity is the entry cap of a log made without WithCapacity.
	DefaultCapacity = 100_000
	// DefaultMaxBody is the body cap of a log made without WithMaxBody.
	DefaultMaxBody = 1024
	// MaxHeaderBytes caps the headers kept per entry, counting keys,
	// values and a slot of bookkeeping per header; later headers are
	// dropped (and the entry flagged).
	MaxHeaderBytes = 1024
	// MaxSubject caps the subject kept (NATS itself allows 4 KiB by
	// default); a longer one is cut and flagged, and filters see the cut
	// subject.
	MaxSubject = 512
	// maxToken caps Type and Aggregate, which are also kept as headers.
	maxToken = 128
)

// headerSlot is what one kept header costs beyond its text.
const headerSlot = int(unsafe.Sizeof(Header{}))

// Limits is the per-entry byte cap of a log.
type Limits struct {
	MaxBody int
}

// EntryBound is the most bytes one retained entry can hold: the entry
// itself plus the text it owns. A log holds at most capacity ×
// EntryBound bytes of entries.
func (l Limits) EntryBound() int {
	return int(unsafe.Sizeof(Entry{})) + MaxSubject + MaxHeaderBytes + 2*maxToken + l.MaxBody
}

// bounded returns an owned copy of e within the limits. All its text
// and body are copied into one allocation (an arena per entry): two
// allocations per push instead of one per string.
func (l Limits) bounded(e Entry) Entry {
	hs, cutH := keepHeaders(e.Headers)
	a := arena(make([]byte, 0, arenaSize(e, hs, l.MaxBody)))
	out := e
	var cut [4]bool
	out.Subject, cut[0] = a.clip(e.Subject, MaxSubject)
	out.Type, cut[1] = a.clip(e.Type, maxToken)
	out.Aggregate, cut[2] = a.clip(e.Aggregate, maxToken)
	out.Headers = nil
	if len(hs) > 0 {
		out.Headers = make([]Header, len(hs))
		for i, h := range hs {
			out.Headers[i] = Header{a.copy(h.Key), a.copy(h.Value)}
		}
	}
	out.Body, cut[3] = a.clipBytes(e.Body, l.MaxBody)
	out.Truncated = e.Truncated || cutH || cut[0] || cut[1] || cut[2] || cut[3]
	return out
}

func arenaSize(e Entry, hs []Header, maxBody int) int {
	n := min(len(e.Subject), MaxSubject) + min(len(e.Type), maxToken) + min(len(e.Aggregate), maxToken) + min(len(e.Body), maxBody)
	for _, h := range hs {
		n += len(h.Key) + len(h.Value)
	}
	return n
}

// arena hands out read-only strings and slices of one buffer, which is
// sized up front and so never moves.
type arena []byte

func (a *arena) copy(s string) string {
	if s == "" {
		return ""
	}
	start := len(*a)
	*a = append(*a, s...)
	b := (*a)[start:]
	return unsafe.String(&b[0], len(s))
}

func (a *arena) clip(s string, n int) (string, bool) {
	return a.copy(s[:min(len(s), n)]), len(s) > n
}

func (a *arena) clipBytes(b []byte, n int) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	start := len(*a)
	*a = append(*a, b[:min(len(b), n)]...)
	return (*a)[start:len(*a):len(*a)], len(b) > n
}

// keepHeaders is the prefix of hs that fits MaxHeaderBytes.
func keepHeaders(hs []Header) ([]Header, bool) {
	budget, keep := MaxHeaderBytes, 0
	for _, h := range hs {
		cost := len(h.Key) + len(h.Value) + headerSlot
		if cost > budget {
			break
		}
		budget -= cost
		keep++
	}
	return hs[:keep], keep < len(hs)
}
