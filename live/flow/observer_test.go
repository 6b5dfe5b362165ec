package flow

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

func TestGroup(t *testing.T) {
	tests := map[string]string{
		"cim.graph.cmd.add_node":      "cim.graph.cmd",
		"cim.graph.evt.g1.node-added": "cim.graph.evt",
		"cim.counter.qry.get":         "cim.counter.qry",
		"cim.counter.cmd.*":           "cim.counter.cmd", // an endpoint pattern
		"$SRV.INFO.cim-counter":       "$SRV.INFO",
		"$SRV.PING":                   "$SRV.PING",
		"cim.x":                       "cim.x",
		"orders.eu.created":           "orders.eu",
		"single":                      "single",
	}
	for in, want := range tests {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// A steady stream reads as its rate; silence halves it every half-life.
func TestRatesAreDecayedPerSecondRates(t *testing.T) {
	o := New(WithHalfLife(2 * time.Second))
	for i := range 300 { // 10 messages a second for 30 s
		o.Observe(Record{Subject: "cim.a.cmd.x", Reply: "_INBOX.c1.7", Time: t0.Add(time.Duration(i) * 100 * time.Millisecond)})
	}
	from, to := NodeID(KindClient, "_INBOX.c1"), NodeID(KindSubject, "cim.a.cmd")
	end := t0.Add(30 * time.Second)
	if r := o.Rate(from, to, end); math.Abs(r-10) > 0.5 {
		t.Fatalf("steady rate reads %.2f/s, want about 10", r)
	}
	if r := o.Rate(from, to, end.Add(2*time.Second)); math.Abs(r-5) > 0.3 {
		t.Fatalf("after one half-life of silence %.2f/s, want about 5", r)
	}
}

func TestClientsAreNamedBestEffort(t *testing.T) {
	tests := []struct {
		name string
		r    Record
		want string
	}{
		{"request inbox", Record{Reply: "_INBOX.abc123.42"}, "_INBOX.abc123"},
		{"old-style inbox", Record{Reply: "_INBOX.abc123"}, "_INBOX.abc123"},
		{"custom reply", Record{Reply: "replies.me"}, "replies"},
		{"no reply", Record{}, UnknownPublisher},
		{"client header wins", Record{Reply: "_INBOX.x.1", Headers: nats.Header{"X-Client": {"editor-1"}}}, "editor-1"},
	}
	o := New(WithClientHeader("X-Client"))
	for _, tt := range tests {
		if got := o.client(tt.r); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func counterInfo(id string) micro.Info {
	return micro.Info{
		ServiceIdentity: micro.ServiceIdentity{Name: "cim-counter", ID: id, Version: "1.0.0", Metadata: map[string]string{"domain": "counter"}},
		Endpoints:       []micro.EndpointInfo{{Name: "commands", Subject: "cim.counter.cmd.*"}, {Name: "queries", Subject: "cim.counter.qry.*"}},
	}
}

// edges prints the graph's edges as "from>to@label" with labels.
func edges(o *Observer, now time.Time) string {
	g := o.Graph(now)
	var out []string
	for _, e := range g.Edges {
		from, _ := g.Node(e.From)
		to, _ := g.Node(e.To)
		out = append(out, from.Label+">"+to.Label+"@"+e.Label)
	}
	return strings.Join(out, " ")
}

func TestDiscoveryAndTrafficMakeTheGraph(t *testing.T) {
	o := New(WithHalfLife(time.Second))
	o.Discover(counterInfo("i1"), t0)
	o.Discover(counterInfo("i2"), t0)
	if got := edges(o, t0); got != "cim.counter.cmd>cim-counter@0.0/s cim.counter.qry>cim-counter@0.0/s" {
		t.Fatalf("after discovery: %s", got)
	}
	o.Observe(Record{Subject: "cim.counter.cmd.create", Reply: "_INBOX.ed.1", Time: t0})
	o.Observe(Record{Subject: "cim.counter.evt.c1.created", Reply: "_INBOX.svc.9", Time: t0})
	o.Observe(Record{Subject: "cim.other.evt.x.y", Time: t0})
	// Sorted by node ID: clients, services, subjects.
	want := "_INBOX.ed>cim.counter.cmd@0.7/s unknown publisher>cim.other.evt@0.7/s " +
		"cim-counter>cim.counter.evt@0.7/s cim.counter.cmd>cim-counter@0.7/s cim.counter.qry>cim-counter@0.0/s"
	if got := edges(o, t0); got != want {
		t.Fatalf("after traffic:\n got %s\nwant %s", got, want)
	}
	g := o.Graph(t0)
	svc, _ := g.Node(NodeID(KindService, "cim-counter"))
	if svc.Kind != KindService || svc.Props["instances"] != "2" || svc.Props["domain"] != "counter" {
		t.Fatalf("service node %+v", svc)
	}
	for _, e := range g.Edges {
		if _, err := strconv.ParseFloat(strings.TrimSuffix(e.Label, "/s"), 64); err != nil {
			t.Fatalf("edge label %q is not a rate", e.Label)
		}
	}
}
