package bench

import (
	"context"
	"encoding/json"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

// sink keeps the compiler from optimising measured work away.
var sink uuid.UUID

func measureIDGen(_ context.Context, s Size) (Measurement, error) {
	rate := perSecond(s, func(n int) {
		for range n {
			sink = message.NewID()
		}
	})
	return Measurement{Value: rate, Note: "UUIDv7, one goroutine"}, nil
}

func measureEventCreate(_ context.Context, s Size) (Measurement, error) {
	cause := message.NewRoot()
	payload := json.RawMessage(`{"x":1}`)
	rate := perSecond(s, func(n int) {
		for i := range n {
			e := message.NewEvent(cause, "graph", "node_moved", "g1", uint64(i), payload)
			sink = e.MessageID
		}
	})
	return Measurement{Value: rate, Note: "identity + envelope"}, nil
}
