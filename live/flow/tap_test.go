package flow_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/live/flow"
)

// The counter service on the real embedded server, a client sending it
// commands, and a tap on its own connection: the flow graph shows the
// client's commands reaching the service and the service's events.
func TestTapSeesTheCounterServiceAtWork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv, svcConn := natstest.Start(t)
	store, err := jsstore.Open(ctx, svcConn, "counter", jsstore.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := demo.Domain.Start(svcConn, store)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()

	tapConn, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer tapConn.Close()
	obs := flow.New(flow.WithHalfLife(time.Minute))
	tap, err := flow.StartTap(tapConn, obs, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer tap.Stop()

	clientConn, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer clientConn.Close()
	waitFor(ctx, t, "discovery", func() bool { return hasNode(obs, flow.NodeID(flow.KindService, "cim-counter")) })
	send(ctx, t, clientConn, "create", `{"name":"visits"}`)
	for range 5 {
		send(ctx, t, clientConn, "increment", `{"by":1}`)
	}
	service := flow.NodeID(flow.KindService, "cim-counter")
	waitFor(ctx, t, "traffic", func() bool {
		now := time.Now()
		return obs.Rate(subj("cim.counter.cmd"), service, now) > 0 && obs.Rate(service, subj("cim.counter.evt"), now) > 0
	})
	g := obs.Graph(time.Now())
	var clients int
	for _, n := range g.Nodes {
		if n.Kind == flow.KindClient {
			clients++
		}
	}
	if clients != 1 {
		t.Fatalf("%d client nodes, want the one that sent commands: %+v", clients, g.Nodes)
	}
}

func subj(group string) string { return flow.NodeID(flow.KindSubject, group) }

func hasNode(o *flow.Observer, id string) bool {
	return o.Graph(time.Now()).HasNode(id)
}

func send(ctx context.Context, t *testing.T, nc *nats.Conn, typ, payload string) {
	t.Helper()
	if _, err := service.NewClient(nc, "counter").Send(ctx, message.NewCommand("counter", typ, "c1", json.RawMessage(payload))); err != nil {
		t.Fatal(err)
	}
}

func waitFor(ctx context.Context, t *testing.T, what string, ok func() bool) {
	t.Helper()
	for !ok() {
		select {
		case <-ctx.Done():
			t.Fatalf("no %s before the deadline", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
