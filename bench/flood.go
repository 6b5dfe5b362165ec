package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// FloodMoves publishes n node_moved events for one node of graph graphID,
// whose version is from, straight into the graph stream with async
// JetStream publishes: the fastest way to make a long history. Event k
// (1-based) moves the node to x = from+k-1.
func FloodMoves(nc *nats.Conn, graphID, node string, from uint64, n int) error {
	js, err := nc.JetStream(nats.PublishAsyncMaxPending(4096))
	if err != nil {
		return err
	}
	cause := message.NewRoot()
	subject := "cim." + graphdomain.Name + ".evt." + graphID + "." + change.TypeNodeMoved
	for v := from + 1; v <= from+uint64(n); v++ {
		p, _ := json.Marshal(change.NodeMoved{Node: node, Pos: graph.Point{X: float64(v - 1), Y: 1}})
		ev := message.NewEvent(cause, graphdomain.Name, change.TypeNodeMoved, graphID, v, p)
		if err := publishAsync(js, &nats.Msg{Subject: subject, Header: ev.Headers(), Data: p}); err != nil {
			return err
		}
	}
	select {
	case <-js.PublishAsyncComplete():
		return nil
	case <-time.After(2 * time.Minute):
		return fmt.Errorf("flood: %d publishes not acknowledged in time", js.PublishAsyncPending())
	}
}

// publishAsync publishes, waiting for room when too many are in flight.
func publishAsync(js nats.JetStreamContext, m *nats.Msg) error {
	for {
		_, err := js.PublishMsgAsync(m)
		if !errors.Is(err, nats.ErrTooManyStalledMsgs) {
			return err
		}
		<-js.PublishAsyncComplete()
	}
}
