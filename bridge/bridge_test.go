package bridge_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// serveGraphs starts the graph service on nc; it stops with the test.
func serveGraphs(t *testing.T, nc *nats.Conn) {
	t.Helper()
	svc, err := graphdomain.Servable{}.Start(nc, openGraphStore(t, nc))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop() })
}

// openGraphStore opens the graph stream on nc, closed when the test ends.
func openGraphStore(t *testing.T, nc *nats.Conn) *jsstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, graphdomain.Name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// send runs graph commands through the service as another client would.
func send(t *testing.T, nc *nats.Conn, cmds ...change.Command) {
	t.Helper()
	c := graphdomain.NewClient(nc)
	for _, cmd := range cmds {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := c.Send(ctx, cmd)
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", cmd.CommandType(), err)
		}
	}
}

// editor is one editor window without the window: an ecs editor driven by
// a bridge over its own NATS connection.
type editor struct {
	ed *ecs.Editor
	d  *bridge.Driver
	b  *bridge.Bridge
}

func openEditor(t *testing.T, srv *natsembed.Server, graphID string) *editor {
	t.Helper()
	return openEditorWith(t, srv, graphID, bridge.Config{})
}

func openEditorWith(t *testing.T, srv *natsembed.Server, graphID string, cfg bridge.Config) *editor {
	t.Helper()
	nc, err := srv.Connect(bridge.ConnectOptions("test editor")...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bridge.Start(context.Background(), nc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close(); nc.Close() })
	d := bridge.NewDriver(b, graphID)
	ed := ecs.NewEditor(ecs.WithSize(800, 600), ecs.WithSource(d.Projection().Graph))
	e := &editor{ed: ed, d: d, b: b}
	e.until(t, "the log is caught up", d.Live)
	return e
}

// tick runs one frame: systems, then the driver.
func (e *editor) tick() {
	e.ed.Update(ecs.Input{Width: 800, Height: 600})
	e.d.Pump(e.ed)
}

func (e *editor) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		e.tick()
		time.Sleep(time.Millisecond)
	}
}

func (e *editor) hasNode(id string) func() bool {
	return func() bool { return e.ed.Graph().HasNode(id) }
}

func seed(t *testing.T, nc *nats.Conn) {
	send(t, nc,
		change.CreateGraph{Graph: "g", Name: "Demo"},
		change.AddNode{Graph: "g", Node: graph.Node{ID: "a", Kind: "start", Label: "A"}},
		change.AddNode{Graph: "g", Node: graph.Node{ID: "b", Kind: "task", Label: "B", Pos: graph.Point{X: 200}}},
		change.AddEdge{Graph: "g", Edge: graph.Edge{ID: "ab", From: "a", To: "b"}},
	)
}

func TestWorldIsBuiltFromTheLog(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	e := openEditor(t, srv, "g")
	g := e.ed.Graph()
	if g.ID != "g" || g.NodeCount() != 2 || g.EdgeCount() != 1 {
		t.Fatalf("want graph g with 2 nodes and 1 edge from the log, got %q with %d nodes, %d edges", g.ID, g.NodeCount(), g.EdgeCount())
	}
}

func TestAnEditIsACommandAndComesBackAsAnEvent(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	e := openEditor(t, srv, "g")
	id := e.ed.AddNodeAt("task", ecs.Vec{400, 300})
	if id == "" {
		t.Fatal("the editor refused to add a node")
	}
	if e.ed.Graph().HasNode(id) {
		t.Fatal("the node must not be in the authoritative graph before the service persisted it")
	}
	e.until(t, "the node's event is applied", e.hasNode(id))
	e.until(t, "the queue is empty", func() bool { return e.b.Queued() == 0 })
	// the service holds it too: a fresh editor sees it from the log
	other := openEditor(t, srv, "g")
	if !other.ed.Graph().HasNode(id) {
		t.Fatal("a second editor must see the persisted node")
	}
}

func TestTwoEditorsSeeEachOthersWork(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	a, b := openEditor(t, srv, "g"), openEditor(t, srv, "g")
	var ids []string
	for i := range 5 {
		ids = append(ids, a.ed.AddNodeAt("task", ecs.Vec{float64(100 + 40*i), 100}))
		ids = append(ids, b.ed.AddNodeAt("manual", ecs.Vec{float64(100 + 40*i), 400}))
		a.tick()
		b.tick()
	}
	for _, id := range ids {
		a.until(t, "a sees "+id, a.hasNode(id))
		b.until(t, "b sees "+id, b.hasNode(id))
	}
	ga, gb := a.ed.Graph(), b.ed.Graph()
	if len(ga.Nodes) != len(gb.Nodes) {
		t.Fatalf("editors diverged: %d vs %d nodes", len(ga.Nodes), len(gb.Nodes))
	}
	for i := range ga.Nodes {
		if ga.Nodes[i].ID != gb.Nodes[i].ID || ga.Nodes[i].Pos != gb.Nodes[i].Pos {
			t.Fatalf("editors diverged at node %d: %+v vs %+v", i, ga.Nodes[i], gb.Nodes[i])
		}
	}
}

func TestARefusalIsShownInWords(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	e := openEditor(t, srv, "g")
	// another client archives the graph; this editor has not heard yet
	send(t, nc, change.ArchiveGraph{Graph: "g"})
	id := e.ed.AddNodeAt("task", ecs.Vec{300, 300})
	e.until(t, "the refusal is shown", func() bool { return e.ed.Status().IsError })
	if msg := e.ed.Status().Message; !strings.Contains(msg, "archived") {
		t.Errorf("the status should say why the edit was refused, got %q", msg)
	}
	if e.ed.Graph().HasNode(id) {
		t.Error("a refused node must not appear")
	}
}

func TestJunkOnTheStreamIsSkipped(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	js, _ := nc.JetStream()
	junk := []*nats.Msg{
		{Subject: "cim.graph.evt.junk.node_added", Data: []byte("{not json")},
		{Subject: "cim.graph.evt.junk.mystery", Header: nats.Header{"X-Event-Type": {"mystery"}}, Data: []byte(`{}`)},
		{Subject: "cim.graph.evt.zzz", Data: []byte(`"stray"`)},
	}
	for _, m := range junk {
		if _, err := js.PublishMsg(m); err != nil {
			t.Fatal(err)
		}
	}
	send(t, nc, change.AddNode{Graph: "g", Node: graph.Node{ID: "after", Label: "after junk"}})
	e := openEditor(t, srv, "g")
	e.until(t, "the event after the junk is applied", e.hasNode("after"))
	// and live junk while following does not stop it either
	for _, m := range junk {
		js.PublishMsg(m)
	}
	send(t, nc, change.AddNode{Graph: "g", Node: graph.Node{ID: "later", Label: "later"}})
	e.until(t, "a live event after live junk is applied", e.hasNode("later"))
}

func TestAFullQueueRefusesVisibly(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	enc, err := srv.Connect(bridge.ConnectOptions("tiny queue")...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bridge.Start(context.Background(), enc, bridge.Config{QueueLimit: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	d := bridge.NewDriver(b, "g")
	ed := ecs.NewEditor(ecs.WithSize(800, 600), ecs.WithSource(d.Projection().Graph))
	e := &editor{ed: ed, d: d, b: b}
	e.until(t, "live", d.Live)
	for i := range 20 {
		ed.AddNodeAt("task", ecs.Vec{float64(10 * i), 10})
	}
	e.tick()
	if !ed.Status().IsError || !strings.Contains(ed.Status().Message, "waiting for the server") {
		t.Errorf("a full queue must refuse with a visible reason, status %+v", *ed.Status())
	}
	if !errors.Is(bridge.ErrQueueFull, bridge.ErrQueueFull) {
		t.Fatal("sentinel")
	}
}

// TestAFrozenWorldKeepsThePastUntilThawed: while the world shows the past,
// new events only reach the projection; thawing shows the present.
func TestAFrozenWorldKeepsThePastUntilThawed(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	e := openEditor(t, srv, "g")
	e.d.Freeze()
	send(t, nc, change.AddNode{Graph: "g", Node: graph.Node{ID: "new", Label: "while frozen"}})
	e.until(t, "the projection has the new node", func() bool { g, _ := e.d.Projection().Graph("g"); return g.HasNode("new") })
	if e.ed.Graph().HasNode("new") {
		t.Fatal("a frozen world must not change")
	}
	e.d.Thaw(e.ed, "g")
	if !e.ed.Graph().HasNode("new") {
		t.Fatal("thawing must show the present")
	}
}
