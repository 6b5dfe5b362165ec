package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// Trace is one evaluation of the policies that applied to a command.
type Trace struct {
	CorrelationID string    `json:"correlation_id"`
	CommandID     string    `json:"command_id"`
	Domain        string    `json:"domain"`
	Command       string    `json:"command"`
	Aggregate     string    `json:"aggregate"`
	Actor         string    `json:"actor,omitempty"`
	Time          time.Time `json:"time"`
	Rules         []Result  `json:"rules"`
	// Decision is Allowed or Denied; DeniedBy the first denying policy.
	Decision string `json:"decision"`
	DeniedBy string `json:"denied_by,omitempty"`
}

// Result is one policy's verdict in a trace.
type Result struct {
	Policy  string `json:"policy"`
	Name    string `json:"name"`
	Version uint64 `json:"version"`
	Effect  Effect `json:"effect"`
	Rule    string `json:"rule"`
	// Outcome is the rule's value, OutcomeTrue or OutcomeFalse, or
	// OutcomeError with Error saying why.
	Outcome string `json:"outcome"`
	Error   string `json:"error,omitempty"`
	Denies  bool   `json:"denies"`
}

// Recorder keeps traces. Record runs on the worker judging the command:
// it must be quick and must not block.
type Recorder interface {
	Record(Trace)
}

// DefaultTraces is how many traces a TraceLog keeps by default.
const DefaultTraces = 10000

// TraceLog keeps the latest traces in memory, at most max of them, and
// finds them by correlation ID.
type TraceLog struct {
	mu   sync.Mutex
	ring []Trace
	next int
	full bool
}

var _ Recorder = (*TraceLog)(nil)

// NewTraceLog keeps up to max traces (DefaultTraces when max <= 0).
func NewTraceLog(max int) *TraceLog {
	if max <= 0 {
		max = DefaultTraces
	}
	return &TraceLog{ring: make([]Trace, max)}
}

// Record keeps t, forgetting the oldest trace when full.
func (l *TraceLog) Record(t Trace) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ring[l.next] = t
	l.next = (l.next + 1) % len(l.ring)
	l.full = l.full || l.next == 0
}

// Correlation returns the traces of one correlation, oldest first.
func (l *TraceLog) Correlation(id string) []Trace {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := []Trace{}
	start, n := 0, l.next
	if l.full {
		start, n = l.next, len(l.ring)
	}
	for i := range n {
		if t := l.ring[(start+i)%len(l.ring)]; t.CorrelationID == id {
			out = append(out, t)
		}
	}
	return out
}

// DecodeTrace reads a trace from the wire (JSON, unknown fields ignored
// so that newer enforcers can be read); it checks what the trace views
// rely on.
func DecodeTrace(data []byte) (Trace, error) {
	var t Trace
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&t); err != nil {
		return Trace{}, fmt.Errorf("%w: trace: %w", ErrPayload, err)
	}
	if dec.More() {
		return Trace{}, fmt.Errorf("%w: trace: more than one JSON value", ErrPayload)
	}
	if t.CorrelationID == "" || (t.Decision != Allowed && t.Decision != Denied) {
		return Trace{}, fmt.Errorf("%w: trace without a correlation ID or decision", ErrPayload)
	}
	return t, nil
}
