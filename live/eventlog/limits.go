package eventlog

import (
	"strings"
	"unsafe"
)

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

// bounded returns an owned copy of e within the limits.
func (l Limits) bounded(e Entry) Entry {
	var cut bool
	out := e
	out.Subject, cut = clip(e.Subject, MaxSubject)
	out.Truncated = out.Truncated || cut
	out.Type, cut = clip(e.Type, maxToken)
	out.Truncated = out.Truncated || cut
	out.Aggregate, cut = clip(e.Aggregate, maxToken)
	out.Truncated = out.Truncated || cut
	out.Headers, cut = clipHeaders(e.Headers)
	out.Truncated = out.Truncated || cut
	out.Body, cut = clipBytes(e.Body, l.MaxBody)
	out.Truncated = out.Truncated || cut
	return out
}

func clip(s string, n int) (string, bool) {
	if len(s) <= n {
		return strings.Clone(s), false
	}
	return strings.Clone(s[:n]), true
}

func clipBytes(b []byte, n int) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	return append([]byte(nil), b[:min(len(b), n)]...), len(b) > n
}

func clipHeaders(hs []Header) ([]Header, bool) {
	budget, keep := MaxHeaderBytes, 0
	for _, h := range hs {
		cost := len(h.Key) + len(h.Value) + headerSlot
		if cost > budget {
			break
		}
		budget -= cost
		keep++
	}
	if keep == 0 {
		return nil, len(hs) > 0
	}
	out := make([]Header, keep)
	for i, h := range hs[:keep] {
		out[i] = Header{strings.Clone(h.Key), strings.Clone(h.Value)}
	}
	return out, keep < len(hs)
}
