package jsstore

import (
	"strconv"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
)

// position is where a delivered message stands: its stream sequence and
// how many more the consumer has to deliver.
type position struct {
	seq, pending uint64
}

// positionOf reads m's position from its reply subject without the
// allocations of m.Metadata (a replay reads one per event); an ack
// subject of an unknown form falls back to m.Metadata.
func positionOf(m jetstream.Msg) (position, error) {
	if p, ok := parseAckReply(m.Reply()); ok {
		return p, nil
	}
	meta, err := m.Metadata()
	if err != nil {
		return position{}, err
	}
	return position{seq: meta.Sequence.Stream, pending: meta.NumPending}, nil
}

// parseAckReply reads the stream sequence and the pending count of a
// JetStream ack subject, in either of the forms nats.go knows:
//
//	$JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<time>.<pending>
//	$JS.ACK.<domain>.<account>.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<time>.<pending>[.<token>...]
func parseAckReply(reply string) (position, bool) {
	rest, ok := strings.CutPrefix(reply, "$JS.ACK.")
	if !ok {
		return position{}, false
	}
	seqAt, pendingAt := 3, 6 // token positions after "$JS.ACK." (first form)
	switch n := strings.Count(rest, ".") + 1; {
	case n == 7:
	case n >= 9:
		seqAt, pendingAt = 5, 8
	default:
		return position{}, false
	}
	var tok [9]string
	for i := 0; i <= pendingAt; i++ {
		tok[i], rest, _ = strings.Cut(rest, ".")
	}
	seq, err1 := strconv.ParseUint(tok[seqAt], 10, 64)
	pending, err2 := strconv.ParseUint(tok[pendingAt], 10, 64)
	return position{seq: seq, pending: pending}, err1 == nil && err2 == nil
}
