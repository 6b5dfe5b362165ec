package message

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go"
)

// Chain headers: an event's place in a chained decision, and on the first
// event the rest of it.
const (
	HeaderChain     = "X-Chain"
	HeaderChainRest = "X-Chain-Rest"
)

// MaxChain is the most events one chained decision may hold.
const MaxChain = 1024

// Chain places an event within a command's decision that its service
// stores one message at a time rather than as one atomic batch (a domain
// that chooses throughput over atomicity, see service.Chained). Index is
// the event's place among Count. The first event (Index 0) also carries
// Rest, the types and payloads of the others, so whoever finds a chain cut
// short (its writer died between two messages) can finish it.
type Chain struct {
	Index int         `json:"index"`
	Count int         `json:"count"`
	Rest  []ChainLink `json:"rest,omitempty"`
}

// ChainLink is one event still to come in a chain.
type ChainLink struct {
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Validate checks a chain's shape: a place inside it, and the rest of it
// on the first event only, one link per event to come.
func (c *Chain) Validate() error {
	switch {
	case c.Count < 2 || c.Count > MaxChain:
		return fmt.Errorf("%w: chain of %d events (2 to %d)", ErrMalformed, c.Count, MaxChain)
	case c.Index < 0 || c.Index >= c.Count:
		return fmt.Errorf("%w: chain index %d of %d", ErrMalformed, c.Index, c.Count)
	case c.Index == 0 && len(c.Rest) != c.Count-1:
		return fmt.Errorf("%w: chain of %d carries %d events to come, not %d", ErrMalformed, c.Count, len(c.Rest), c.Count-1)
	case c.Index > 0 && len(c.Rest) > 0:
		return fmt.Errorf("%w: only a chain's first event carries the rest", ErrMalformed)
	}
	for i, l := range c.Rest {
		if l.Type == "" {
			return fmt.Errorf("%w: chain link %d has no type", ErrMalformed, i+1)
		}
	}
	return nil
}

// addChainHeaders writes e's chain, if any, into h.
func addChainHeaders(h nats.Header, e Event) {
	if e.Chain == nil {
		return
	}
	h[HeaderChain] = []string{strconv.Itoa(e.Chain.Index) + "/" + strconv.Itoa(e.Chain.Count)}
	if len(e.Chain.Rest) > 0 {
		// json.Marshal escapes control characters, so the value holds no
		// line break and is a valid header value.
		rest, err := json.Marshal(e.Chain.Rest)
		if err == nil {
			h[HeaderChainRest] = []string{string(rest)}
		}
	}
}

// decodeChain reads an event's chain headers; nil when there are none.
func decodeChain(h nats.Header) (*Chain, error) {
	v := h.Get(HeaderChain)
	if v == "" {
		return nil, nil
	}
	idx, count, ok := strings.Cut(v, "/")
	c := &Chain{}
	var err1, err2 error
	c.Index, err1 = strconv.Atoi(idx)
	c.Count, err2 = strconv.Atoi(count)
	if !ok || err1 != nil || err2 != nil {
		return nil, fmt.Errorf("%w: %s header %q is not INDEX/COUNT", ErrMalformed, HeaderChain, v)
	}
	if rest := h.Get(HeaderChainRest); rest != "" {
		if err := json.Unmarshal([]byte(rest), &c.Rest); err != nil {
			return nil, fmt.Errorf("%w: %s header: %v", ErrMalformed, HeaderChainRest, err)
		}
		if len(c.Rest) == 0 {
			c.Rest = nil // "[]" and "null" say nothing is to come, as no header does
		}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Clone returns a copy of c that shares no memory with it (nil for nil).
func (c *Chain) Clone() *Chain {
	if c == nil {
		return nil
	}
	out := &Chain{Index: c.Index, Count: c.Count}
	for _, l := range c.Rest {
		out.Rest = append(out.Rest, ChainLink{Type: l.Type, Payload: append(json.RawMessage(nil), l.Payload...)})
	}
	return out
}
