package graphdomain_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// rig is the graph service on a real embedded NATS server with a
// JetStream store, a client, and a tap on every event subject.
type rig struct {
	t      testing.TB
	client *service.Client
	graphs *graphdomain.Client
	nc     *nats.Conn
	mu     sync.Mutex
	seen   []string // subjects of events, in order
}

func start(t testing.TB) *rig {
	t.Helper()
	return startOn(t, natsembed.Config{DataDir: t.TempDir()})
}

func startOn(t testing.TB, cfg natsembed.Config) *rig {
	t.Helper()
	_, nc := natstest.StartOn(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, graphdomain.Name)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := graphdomain.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	r := &rig{t: t, client: service.NewClient(nc, graphdomain.Name), graphs: graphdomain.NewClient(nc), nc: nc}
	sub, err := nc.Subscribe("cim.graph.evt.>", func(m *nats.Msg) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.seen = append(r.seen, m.Subject)
		if err := decodable(m); err != nil {
			r.seen = append(r.seen, err.Error())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sub.Unsubscribe() })
	return r
}

// decodable checks that an event on the wire carries its envelope in
// headers that agree with its subject, and a payload graph/change reads.
func decodable(m *nats.Msg) error {
	e, err := message.DecodeEvent(graphdomain.Name, m.Header, m.Data)
	if err != nil {
		return err
	}
	if want := "cim.graph.evt." + e.AggregateID + "." + e.Type; m.Subject != want || e.IsRoot() {
		return fmt.Errorf("event %s: headers say %s, root %v", m.Subject, want, e.IsRoot())
	}
	_, err = graphdomain.DecodeEvent(e)
	return err
}

func (r *rig) send(c change.Command) (service.Ack, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return r.graphs.Send(ctx, c)
}

func (r *rig) must(cmds ...change.Command) service.Ack {
	r.t.Helper()
	var ack service.Ack
	for _, c := range cmds {
		var err error
		if ack, err = r.send(c); err != nil {
			r.t.Fatalf("%s: %v", c.CommandType(), err)
		}
	}
	return ack
}

func (r *rig) query(name, graphID string, args, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return r.client.Query(ctx, name, graphID, args, out)
}

// waitSeen waits until n events were seen on the wire and returns their
// subjects.
func (r *rig) waitSeen(n int) []string {
	r.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		r.mu.Lock()
		got := slices.Clone(r.seen)
		r.mu.Unlock()
		if len(got) >= n {
			return got
		}
	}
	r.t.Fatalf("saw fewer than %d events", n)
	return nil
}

var (
	nodeA = graph.Node{ID: "a", Label: "A", Pos: graph.Point{X: 1, Y: 1}}
	nodeB = graph.Node{ID: "b", Label: "B", Pos: graph.Point{X: 2, Y: 2}}
	edge  = graph.Edge{ID: "ab", From: "a", To: "b"}
)

// Every command over NATS: its ack, and its events on
// cim.graph.evt.<graph>.<event>.
func TestEveryCommandOverNATS(t *testing.T) {
	r := start(t)
	steps := []struct {
		cmd    change.Command
		events []string
	}{
		{change.CreateGraph{Graph: "sub", Name: "Sub"}, []string{"graph_created"}},
		{change.ImportGraph{Graph: "g", Name: "G", Nodes: []graph.Node{nodeA, nodeB}, Edges: []graph.Edge{edge}}, []string{"graph_imported"}},
		{change.RenameGraph{Graph: "g", Name: "Flow"}, []string{"graph_renamed"}},
		{change.AddNode{Graph: "g", Node: graph.Node{ID: "c"}}, []string{"node_added"}},
		{change.UpdateNode{Graph: "g", Node: "c", Label: "C"}, []string{"node_updated"}},
		{change.MoveNode{Graph: "g", Node: "c", Pos: graph.Point{X: 3}}, []string{"node_moved"}},
		{change.AddEdge{Graph: "g", Edge: graph.Edge{ID: "bc", From: "b", To: "c"}}, []string{"edge_added"}},
		{change.LinkSubgraph{Graph: "g", Node: "c", Ref: "sub"}, []string{"subgraph_linked"}},
		{change.UnlinkSubgraph{Graph: "g", Node: "c"}, []string{"subgraph_unlinked"}},
		{change.ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"a": {X: 9}, "b": {Y: 9}}}, []string{"layout_applied"}},
		{change.RemoveEdge{Graph: "g", Edge: "bc"}, []string{"edges_removed"}},
		{change.RemoveNode{Graph: "g", Node: "b"}, []string{"edges_removed", "node_removed"}},
		{change.RestoreElements{Graph: "g", Nodes: []change.PlacedNode{{Node: nodeB, At: 1}}, Edges: []change.PlacedEdge{{Edge: edge}}},
			[]string{"elements_restored"}},
		{change.ReplaceGraph{Graph: "g", Name: "Again", Nodes: []graph.Node{nodeA}}, []string{"graph_imported"}},
		{change.ArchiveGraph{Graph: "sub"}, []string{"graph_archived"}},
		{change.UnarchiveGraph{Graph: "sub"}, []string{"graph_unarchived"}},
	}
	var want []string
	versions := map[string]uint64{}
	for _, s := range steps {
		ack := r.must(s.cmd)
		versions[s.cmd.Target()] += uint64(len(s.events))
		if ack.AggregateID != s.cmd.Target() || ack.Version != versions[s.cmd.Target()] || len(ack.EventIDs) != len(s.events) {
			t.Fatalf("%s: ack %+v", s.cmd.CommandType(), ack)
		}
		for _, e := range s.events {
			want = append(want, "cim.graph.evt."+s.cmd.Target()+"."+e)
		}
	}
	if got := r.waitSeen(len(want)); !slices.Equal(got, want) {
		t.Fatalf("events on the wire:\n got %v\nwant %v", got, want)
	}
	var v graphdomain.View
	if err := r.query(graphdomain.QueryGet, "g", nil, &v); err != nil {
		t.Fatal(err)
	}
	if v.Graph.Name != "Again" || v.Graph.NodeCount() != 1 || v.Version != versions["g"] {
		t.Fatalf("latest g: %+v version %d", v.Graph, v.Version)
	}
}

// Every refusal over NATS comes back with its status code and a message
// that says what is wrong.
func TestRefusalsOverNATS(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "g"}, change.AddNode{Graph: "g", Node: nodeA},
		change.CreateGraph{Graph: "old"}, change.ArchiveGraph{Graph: "old"})
	cases := []struct {
		cmd  change.Command
		code error
		says string
	}{
		{change.CreateGraph{Graph: "g"}, service.ErrConflict, "exists"},
		{change.ImportGraph{Graph: "g"}, service.ErrConflict, "exists"},
		{change.AddNode{Graph: "nope", Node: nodeB}, service.ErrNotFound, "nope"},
		{change.AddNode{Graph: "g", Node: nodeA}, service.ErrConflict, "duplicate"},
		{change.AddNode{Graph: "g"}, service.ErrInvalid, "empty id"},
		{change.AddEdge{Graph: "g", Edge: graph.Edge{ID: "e", From: "a", To: "z"}}, service.ErrNotFound, `"z"`},
		{change.LinkSubgraph{Graph: "g", Node: "a", Ref: "ghost"}, service.ErrNotFound, "ghost"},
		{change.LinkSubgraph{Graph: "g", Node: "a", Ref: "old"}, service.ErrNotFound, "old"},
		{change.RenameGraph{Graph: "old", Name: "x"}, service.ErrConflict, "archived"},
		{change.UnarchiveGraph{Graph: "g"}, service.ErrInvalid, "not archived"},
		{change.ApplyLayout{Graph: "g"}, service.ErrInvalid, "no node"},
		{change.ImportGraph{Graph: "h", Nodes: []graph.Node{nodeA}, Edges: []graph.Edge{edge}}, service.ErrNotFound, `"b"`},
		{change.CreateGraph{Graph: "bad id"}, service.ErrInvalid, "bad id"},
		{change.ReplaceGraph{Graph: "nope"}, service.ErrNotFound, "nope"},
		{change.MoveNode{Graph: "g", Node: "z"}, service.ErrNotFound, `"z"`},
		{change.RemoveNode{Graph: "g", Node: "z"}, service.ErrNotFound, `"z"`},
		{change.RemoveEdge{Graph: "g", Edge: "zz"}, service.ErrNotFound, `"zz"`},
		{change.UpdateNode{Graph: "g", Node: "z"}, service.ErrNotFound, `"z"`},
		{change.UnlinkSubgraph{Graph: "g", Node: "a"}, service.ErrInvalid, "links no graph"},
		{change.RestoreElements{Graph: "g"}, service.ErrInvalid, "nothing to restore"},
		{change.RestoreElements{Graph: "g", Nodes: []change.PlacedNode{{Node: nodeA}}}, service.ErrConflict, "duplicate"},
		{change.ArchiveGraph{Graph: "old"}, service.ErrConflict, "archived"},
	}
	for _, c := range cases {
		_, err := r.send(c.cmd)
		if !errors.Is(err, c.code) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s %+v: err = %v, want %v saying %q", c.cmd.CommandType(), c.cmd, err, c.code, c.says)
		}
	}
	var v graphdomain.View
	if err := r.query(graphdomain.QueryGet, "g", nil, &v); err != nil || v.Version != 2 {
		t.Fatalf("refusals changed g: version %d, %v", v.Version, err)
	}
}

// A command whose payload names another graph than its aggregate header,
// and one of an unknown type, are refused as bad requests.
func TestMalformedCommands(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "g"})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmds := []message.Command{
		message.NewCommand(graphdomain.Name, change.TypeRenameGraph, "g", json.RawMessage(`{"graph":"h","name":"x"}`)),
		message.NewCommand(graphdomain.Name, change.TypeAddNode, "g", json.RawMessage(`{"graph":"g","node":7}`)),
		message.NewCommand(graphdomain.Name, "drop_graph", "g", json.RawMessage(`{}`)),
	}
	for _, c := range cmds {
		if _, err := r.client.Send(ctx, c); !errors.Is(err, service.ErrInvalid) {
			t.Errorf("%s %s: err = %v, want 400", c.Type, c.Payload, err)
		}
	}
}

// The get query rebuilds past states; the tree query resolves nesting,
// recursion included.
func TestQueriesOverNATS(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "root", Name: "one"}, change.CreateGraph{Graph: "sub"},
		change.AddNode{Graph: "sub", Node: graph.Node{ID: "back", Ref: "root"}})
	mid := r.must(change.AddNode{Graph: "root", Node: graph.Node{ID: "s", Ref: "sub"}}).Sequence
	r.must(change.RenameGraph{Graph: "root", Name: "two"}, change.AddNode{Graph: "root", Node: nodeA})
	cases := []struct {
		args  graphdomain.GetArgs
		name  string
		nodes int
	}{
		{graphdomain.GetArgs{}, "two", 2},
		{graphdomain.GetArgs{Sequence: mid}, "one", 1},
		{graphdomain.GetArgs{Sequence: 1}, "one", 0},
		{graphdomain.GetArgs{Version: 3}, "two", 1},
	}
	for _, c := range cases {
		var v graphdomain.View
		if err := r.query(graphdomain.QueryGet, "root", c.args, &v); err != nil || v.Graph.Name != c.name || v.Graph.NodeCount() != c.nodes {
			t.Errorf("get %+v: %+v, %v", c.args, v.Graph, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	tree, err := r.graphs.Tree(ctx, "root", 0)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := r.graphs.Get(ctx, "root", graphdomain.GetArgs{}); err != nil || !v.Graph.HasNode("a") {
		t.Fatalf("client get: %+v, %v", v, err)
	}
	if len(tree.Children) != 1 || tree.Children[0].Graph != "sub" || len(tree.Children[0].Children) != 1 ||
		!tree.Children[0].Children[0].Recursive {
		t.Fatalf("tree %+v", tree)
	}
	refusals := []struct {
		name, graph string
		args        any
		code        error
	}{
		{graphdomain.QueryGet, "nope", nil, service.ErrNotFound},
		{graphdomain.QueryGet, "root", graphdomain.GetArgs{Version: 99}, service.ErrNotFound},
		{graphdomain.QueryGet, "sub", graphdomain.GetArgs{Sequence: 1}, service.ErrNotFound},
		{graphdomain.QueryGet, "root", graphdomain.GetArgs{Version: 1, Sequence: 1}, service.ErrInvalid},
		{graphdomain.QueryGet, "root", "not an object", service.ErrInvalid},
		{"shape", "root", nil, service.ErrInvalid},
	}
	for _, c := range refusals {
		var v graphdomain.View
		if err := r.query(c.name, c.graph, c.args, &v); !errors.Is(err, c.code) {
			t.Errorf("%s %s %+v: err = %v, want %v", c.name, c.graph, c.args, err, c.code)
		}
	}
}

// A retried command (same message ID) takes effect once.
func TestRetriedCommandOverNATS(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "g"})
	cmd := message.NewCommand(graphdomain.Name, change.TypeAddNode, "g", json.RawMessage(`{"graph":"g","node":{"id":"a","pos":{"x":0,"y":0}}}`))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	first, err := r.client.Send(ctx, cmd)
	if err != nil {
		t.Fatal(err)
	}
	again, err := r.client.Send(ctx, cmd)
	if err != nil || !again.Duplicate || again.Version != first.Version {
		t.Fatalf("retry: %+v, %v (first %+v)", again, err, first)
	}
}

// Rebuild reads the same graph from the stream as the service holds, now
// and in the past, without the service.
func TestRebuildFromTheStream(t *testing.T) {
	r := start(t)
	first := r.must(change.ImportGraph{Graph: "g", Nodes: []graph.Node{nodeA, nodeB}, Edges: []graph.Edge{edge}}).Sequence
	r.must(change.RemoveNode{Graph: "g", Node: "a"})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	now, err := graphdomain.Rebuild(ctx, r.nc, "g", 0)
	if err != nil || now.NodeCount() != 1 || now.EdgeCount() != 0 {
		t.Fatalf("now: %+v, %v", now, err)
	}
	then, err := graphdomain.Rebuild(ctx, r.nc, "g", first)
	if err != nil || then.NodeCount() != 2 || then.EdgeCount() != 1 {
		t.Fatalf("then: %+v, %v", then, err)
	}
	if _, err := graphdomain.Rebuild(ctx, r.nc, "nope", 0); !errors.Is(err, service.ErrNotFound) {
		t.Fatalf("missing graph: %v", err)
	}
}

// A graph too big for one reply is refused at once with ErrTooLarge (not
// left to time out), and Rebuild reads it from the stream.
func TestGraphTooLargeForOneReply(t *testing.T) {
	r := startOn(t, natsembed.Config{DataDir: t.TempDir(), MaxPayload: 128 << 10})
	g := graph.New("big", "")
	for i := range 3000 {
		must(t, g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Label: "a label that takes room"}))
	}
	plan, err := change.PlanImport([]*graph.Graph{g}, change.ImportOptions{})
	must(t, err)
	r.must(plan...)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := r.graphs.Get(ctx, "big", graphdomain.GetArgs{}); !errors.Is(err, graphdomain.ErrTooLarge) || ctx.Err() != nil {
		t.Fatalf("get: %v", err)
	}
	back, err := graphdomain.Rebuild(ctx, r.nc, "big", 0)
	if err != nil || back.NodeCount() != 3000 {
		t.Fatalf("rebuild: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestListOverNATS: the list view names no graph and answers from the
// catalog; archived graphs show only when asked for.
func TestListOverNATS(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "b", Name: "Bee"}, change.CreateGraph{Graph: "a", Name: "Ay"},
		change.AddNode{Graph: "a", Node: nodeA}, change.ArchiveGraph{Graph: "b"})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var live []graphdomain.Summary
	deadline := time.Now().Add(5 * time.Second)
	for len(live) != 1 && time.Now().Before(deadline) { // the catalog follows the store
		var err error
		if live, err = r.graphs.List(ctx, false); err != nil {
			t.Fatal(err)
		}
	}
	if len(live) != 1 || live[0].ID != "a" || live[0].Name != "Ay" || live[0].Nodes != 1 {
		t.Fatalf("list without archived: %+v", live)
	}
	all, err := r.graphs.List(ctx, true)
	if err != nil || len(all) != 2 {
		t.Fatalf("list with archived: %+v, %v", all, err)
	}
	var bad []graphdomain.Summary
	if err := r.query(graphdomain.QueryList, "", map[string]any{"archived": "yes"}, &bad); !errors.Is(err, service.ErrInvalid) {
		t.Errorf("malformed list args: want invalid, got %v", err)
	}
}

// The events query hands back the stored events in windows, exactly as
// the stream holds them: the same IDs and sequences, in order.
func TestEventsInWindowsAreTheStream(t *testing.T) {
	r := start(t)
	r.must(change.CreateGraph{Graph: "g", Name: "G"}, change.AddNode{Graph: "g", Node: nodeA}, change.AddNode{Graph: "g", Node: nodeB},
		change.AddEdge{Graph: "g", Edge: edge}, change.MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: 9, Y: 9}})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, r.nc, graphdomain.Name)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var stored []message.Event
	if err := store.Read(ctx, 1, "", func(e message.Event) error { stored = append(stored, e); return nil }); err != nil {
		t.Fatal(err)
	}
	var paged []message.Event
	for from, tries := uint64(1), 0; len(paged) < len(stored) && tries < 200; tries++ {
		var raw service.Raw
		if err := r.query(graphdomain.QueryEvents, "", graphdomain.EventsArgs{From: from}, &raw); err != nil {
			t.Fatal(err)
		}
		w, err := pages.DecodeWindow(raw)
		if err != nil {
			t.Fatal(err)
		}
		if w.Page == nil {
			time.Sleep(10 * time.Millisecond) // the catalog has not followed that far yet
			continue
		}
		evs, err := pages.Decode(graphdomain.Name, w.Page)
		if err != nil {
			t.Fatal(err)
		}
		paged, from = append(paged, evs...), w.Last+1
	}
	if len(paged) != len(stored) {
		t.Fatalf("%d events in windows, %d stored", len(paged), len(stored))
	}
	for i := range stored {
		if paged[i].MessageID != stored[i].MessageID || paged[i].Sequence != stored[i].Sequence || !bytes.Equal(paged[i].Payload, stored[i].Payload) {
			t.Fatalf("event %d: paged %+v, stored %+v", i, paged[i], stored[i])
		}
	}
}
