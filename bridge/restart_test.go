package bridge_test

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/ecs"
)

func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return "127.0.0.1:" + strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// TestServerRestartInTheMiddleOfEditing: edits made while the server is
// away queue up (and say so), go out when it is back, and each applies
// exactly once; nothing acknowledged before is lost.
func TestServerRestartInTheMiddleOfEditing(t *testing.T) {
	cfg := natsembed.Config{DataDir: t.TempDir(), Listen: freeLoopbackAddr(t)}
	srv, nc := natstest.StartOn(t, cfg)
	serveGraphs(t, nc)
	seed(t, nc)

	opts := append(bridge.ConnectOptions("restarting editor"), nats.ReconnectWait(20*time.Millisecond))
	enc, err := nats.Connect("nats://"+cfg.Listen, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	b, err := bridge.Start(context.Background(), enc, bridge.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	d := bridge.NewDriver(b, "g")
	e := &editor{ed: ecs.NewEditor(ecs.WithSize(800, 600), ecs.WithSource(d.Projection().Graph)), d: d, b: b}
	e.until(t, "live", d.Live)
	before := e.ed.AddNodeAt("task", ecs.Vec{100, 100})
	e.until(t, "the first edit is applied", e.hasNode(before))

	natstest.Stop(t, srv)
	e.until(t, "the editor notices", func() bool { return b.Link() != bridge.Connected })
	offline := []string{e.ed.AddNodeAt("task", ecs.Vec{200, 100}), e.ed.AddNodeAt("task", ecs.Vec{300, 100})}
	e.tick()
	if text, online := d.Connection(); online || b.Queued() != 2 {
		t.Errorf("while away the status must show the queue: %q online=%v queued=%d", text, online, b.Queued())
	}

	srv2, nc2 := natstest.StartOn(t, cfg)
	serveGraphs(t, nc2)
	for _, id := range offline {
		e.until(t, "the queued edit "+id+" is applied", e.hasNode(id))
	}
	e.until(t, "the queue drains", func() bool { return b.Queued() == 0 })
	g := e.ed.Graph()
	if g.NodeCount() != 5 {
		t.Fatalf("want a, b and three added nodes exactly once, got %d nodes: %+v", g.NodeCount(), g.Nodes)
	}
	fresh := openEditor(t, srv2, "g")
	if fresh.ed.Graph().NodeCount() != 5 {
		t.Fatalf("after the restart the log must hold every acknowledged edit once, got %d nodes", fresh.ed.Graph().NodeCount())
	}
}
