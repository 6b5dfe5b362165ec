package liveview

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/live/eventlog"
)

// start is when the fixture's traffic begins.
var start = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

// id is a stable message ID for the fixture's message n.
func id(n int) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], uint64(n)+1)
	u[0], u[6], u[8] = 0x5e, 0x40|(u[6]&0x0f), 0x80|(u[8]&0x3f)
	return u
}

// story is one user command and what it set off: the command, the event
// it caused, and for every third story a follow-up event.
type story struct {
	n           int // first message number
	graph, node string
	verb        int  // index into verbs
	missingRoot bool // the command was not logged
}

var verbs = []struct{ cmd, evt, follow string }{
	{"move_node", "node_moved", "edge_rerouted"},
	{"add_node", "node_added", "layout_changed"},
	{"connect", "edge_added", "validated"},
	{"rename_node", "node_renamed", ""},
}

func (s story) msgs() []eventlog.Entry {
	v := verbs[s.verb%len(verbs)]
	corr := id(s.n)
	var out []eventlog.Entry
	if !s.missingRoot {
		out = append(out, msg(s.n, s.n, corr, "cim.graph.cmd."+v.cmd, message.HeaderCommandType, v.cmd, s))
	}
	out = append(out, msg(s.n+1, s.n, corr, "cim.graph.evt."+s.graph+"."+v.evt, message.HeaderEventType, v.evt, s))
	if v.follow != "" && s.n%3 == 0 {
		out = append(out, msg(s.n+2, s.n+1, corr, "cim.graph.evt."+s.graph+"."+v.follow, message.HeaderEventType, v.follow, s))
	}
	return out
}

func msg(n, cause int, corr uuid.UUID, subj, typeHeader, typ string, s story) eventlog.Entry {
	at := start.Add(time.Duration(n) * 37 * time.Millisecond)
	h := nats.Header{}
	h.Set(message.HeaderMessageID, id(n).String())
	h.Set(message.HeaderCorrelationID, corr.String())
	h.Set(message.HeaderCausationID, id(cause).String())
	h.Set(typeHeader, typ)
	h.Set(message.HeaderAggregateID, s.node)
	h.Set(message.HeaderTime, at.Format(time.RFC3339Nano))
	body := fmt.Sprintf(`{"graph":%q,"node":%q,"pos":{"x":%d,"y":%d}}`, s.graph, s.node, n%640, n%380)
	return eventlog.FromMsg(subj, h, []byte(body), at)
}

// traffic fills a log with about n messages of graph editing.
func traffic(n int) *eventlog.Log {
	l := eventlog.New(eventlog.WithCapacity(n))
	for i := 0; l.Total() < uint64(n); i++ {
		s := story{n: 4 * i, graph: fmt.Sprint("g", i%7+1), node: fmt.Sprintf("node-%04d", (i*31)%9973), verb: i}
		for _, e := range s.msgs() {
			l.Push(e)
		}
	}
	return l
}

// checkout is one correlation that branches: a command sets off three
// events, one of them two more; a second branch's cause (message 999)
// was never logged.
func checkout() []eventlog.Entry {
	s := story{graph: "orders", node: "order-7731"}
	corr := id(100)
	steps := []struct {
		n, cause int
		kind     string
		typ      string
	}{
		{100, 100, message.HeaderCommandType, "place_order"},
		{101, 100, message.HeaderEventType, "order_placed"},
		{102, 100, message.HeaderEventType, "stock_reserved"},
		{103, 100, message.HeaderEventType, "invoice_drafted"},
		{104, 102, message.HeaderEventType, "picking_listed"},
		{105, 999, message.HeaderEventType, "payment_requested"},
		{106, 105, message.HeaderEventType, "payment_failed"},
		{107, 106, message.HeaderCommandType, "notify_customer"},
	}
	var out []eventlog.Entry
	for _, st := range steps {
		part := "evt"
		if st.kind == message.HeaderCommandType {
			part = "cmd"
		}
		out = append(out, msg(st.n, st.cause, corr, "cim.orders."+part+"."+st.typ, st.kind, st.typ, s))
	}
	return out
}
