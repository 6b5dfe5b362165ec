package eventlog_test

import (
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/live/eventlog"
)

// A panel shows rows i..j of the filtered log, newest first.
func ExampleLog_Rows() {
	log := eventlog.New(eventlog.WithCapacity(1000))
	for _, s := range []string{"cim.graph.evt.g1.node-added", "cim.graph.cmd.add_node", "cim.graph.evt.g2.node-moved"} {
		log.Push(eventlog.FromMsg(s, nats.Header{}, nil, time.Time{}))
	}
	if err := log.SetFilter(eventlog.Filter{Subject: "cim.graph.evt.*.>"}); err != nil {
		fmt.Println(err)
	}
	log.Rows(0, 10, func(row int, e *eventlog.Entry) { fmt.Println(row, e.Kind, e.Type, e.Subject) })
	// Output:
	// 0 event node-moved cim.graph.evt.g2.node-moved
	// 1 event node-added cim.graph.evt.g1.node-added
}
