package graphdomain

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

func newDomain(t *testing.T) (*Domain, eventstore.Store) {
	t.Helper()
	store, err := memstore.New(Name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return New(store), store
}

func command(t testing.TB, c change.Command) message.Command {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return message.NewCommand(Name, c.CommandType(), c.Target(), b)
}

func execute(t *testing.T, d *Domain, cmds ...change.Command) Outcome {
	t.Helper()
	var out Outcome
	for _, c := range cmds {
		var err error
		if out, err = d.Execute(context.Background(), command(t, c)); err != nil {
			t.Fatalf("%s: %v", c.CommandType(), err)
		}
	}
	return out
}

var (
	a = graph.Node{ID: "a", Pos: graph.Point{X: 1}}
	b = graph.Node{ID: "b", Pos: graph.Point{X: 2}}
)

func TestExecuteStoresEvents(t *testing.T) {
	d, store := newDomain(t)
	execute(t, d, change.CreateGraph{Graph: "g", Name: "G"}, change.AddNode{Graph: "g", Node: a}, change.AddNode{Graph: "g", Node: b},
		change.AddEdge{Graph: "g", Edge: graph.Edge{ID: "ab", From: "a", To: "b"}})
	out := execute(t, d, change.RemoveNode{Graph: "g", Node: "a"})
	if out.Version != 6 || out.FirstSequence != 5 || out.LastSequence != 6 || len(out.Events) != 2 ||
		out.Events[0] != change.TypeEdgesRemoved || out.Events[1] != change.TypeNodeRemoved {
		t.Fatalf("outcome %+v", out)
	}
	stored, err := store.Load(context.Background(), "g", 0)
	if err != nil || len(stored) != 6 {
		t.Fatalf("stored %d events, %v", len(stored), err)
	}
	last := stored[5]
	if last.Type != change.TypeNodeRemoved || last.CorrelationID != stored[4].CorrelationID || last.Version != 6 {
		t.Fatalf("last event %+v", last)
	}
}

func TestExecuteRefusals(t *testing.T) {
	d, _ := newDomain(t)
	execute(t, d, change.CreateGraph{Graph: "g"}, change.AddNode{Graph: "g", Node: a},
		change.CreateGraph{Graph: "old"}, change.ArchiveGraph{Graph: "old"})
	cases := []struct {
		name string
		cmd  message.Command
		want error
	}{
		{"unknown type", message.NewCommand(Name, "drop_graph", "g", nil), change.ErrInvalid},
		{"bad payload", message.NewCommand(Name, change.TypeAddNode, "g", json.RawMessage(`[1]`)), change.ErrInvalid},
		{"aggregate mismatch", message.NewCommand(Name, change.TypeRenameGraph, "h", json.RawMessage(`{"graph":"g"}`)), change.ErrInvalid},
		{"bad graph id", command(t, change.CreateGraph{Graph: "a.b"}), change.ErrInvalid},
		{"duplicate graph", command(t, change.CreateGraph{Graph: "g"}), change.ErrDuplicate},
		{"missing graph", command(t, change.AddNode{Graph: "nope", Node: a}), change.ErrNotFound},
		{"duplicate node", command(t, change.AddNode{Graph: "g", Node: a}), change.ErrDuplicate},
		{"edge to missing node", command(t, change.AddEdge{Graph: "g", Edge: graph.Edge{ID: "e", From: "a", To: "z"}}), change.ErrNotFound},
		{"link to missing graph", command(t, change.LinkSubgraph{Graph: "g", Node: "a", Ref: "nope"}), change.ErrNotFound},
		{"link to archived graph", command(t, change.LinkSubgraph{Graph: "g", Node: "a", Ref: "old"}), change.ErrNotFound},
		{"edit archived graph", command(t, change.RenameGraph{Graph: "old", Name: "x"}), change.ErrArchived},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := d.Execute(context.Background(), c.cmd); !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

func TestLinkToGraphCreatedElsewhere(t *testing.T) {
	d, store := newDomain(t)
	execute(t, d, change.CreateGraph{Graph: "g"}, change.AddNode{Graph: "g", Node: a})
	other := New(store) // a second service instance on the same store
	execute(t, other, change.CreateGraph{Graph: "sub"})
	execute(t, d, change.LinkSubgraph{Graph: "g", Node: "a", Ref: "sub"})
	// d's cache of g is stale now that other writes to it: the append
	// conflicts, d catches up and decides again.
	execute(t, other, change.RenameGraph{Graph: "g", Name: "by other"})
	out := execute(t, d, change.MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: 5}})
	if out.Version != 5 {
		t.Fatalf("version %d after catching up, want 5", out.Version)
	}
}

func TestExpectedVersionConflict(t *testing.T) {
	d, _ := newDomain(t)
	execute(t, d, change.CreateGraph{Graph: "g"}, change.AddNode{Graph: "g", Node: a})
	cmd := command(t, change.MoveNode{Graph: "g", Node: "a"})
	cmd.ExpectedVersion = 1
	if _, err := d.Execute(context.Background(), cmd); !errors.Is(err, eventstore.ErrConflict) {
		t.Fatalf("err = %v, want ErrConflict", err)
	}
	cmd.ExpectedVersion = 2
	if _, err := d.Execute(context.Background(), cmd); err != nil {
		t.Fatal(err)
	}
}

func TestGraphAtPastPoints(t *testing.T) {
	d, _ := newDomain(t)
	execute(t, d, change.CreateGraph{Graph: "g", Name: "one"}, change.CreateGraph{Graph: "h"}, change.AddNode{Graph: "g", Node: a})
	mid := execute(t, d, change.RenameGraph{Graph: "g", Name: "two"}).LastSequence
	execute(t, d, change.AddNode{Graph: "g", Node: b}, change.ArchiveGraph{Graph: "g"})
	ctx := context.Background()
	cases := []struct {
		req     GetRequest
		name    string
		nodes   int
		archive bool
	}{
		{GetRequest{Graph: "g"}, "two", 2, true},
		{GetRequest{Graph: "g", Sequence: mid}, "two", 1, false},
		{GetRequest{Graph: "g", Sequence: 2}, "one", 0, false},
		{GetRequest{Graph: "g", Version: 2}, "one", 1, false},
	}
	for _, c := range cases {
		v, err := d.Graph(ctx, c.req)
		if err != nil || v.Graph.Name != c.name || v.Graph.NodeCount() != c.nodes || v.Archived != c.archive {
			t.Errorf("%+v: %+v, %v", c.req, v, err)
		}
	}
	for _, req := range []GetRequest{{Graph: "nope"}, {Graph: "g", Version: 9}, {Graph: "h", Sequence: 1}} {
		if _, err := d.Graph(ctx, req); !errors.Is(err, change.ErrNotFound) {
			t.Errorf("%+v: err = %v, want ErrNotFound", req, err)
		}
	}
	if _, err := d.Graph(ctx, GetRequest{Graph: "g", Version: 1, Sequence: 1}); !errors.Is(err, change.ErrInvalid) {
		t.Errorf("both sequence and version: %v", err)
	}
}

func TestCatalogListsAndNests(t *testing.T) {
	d, store := newDomain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cat, err := Follow(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Stop()
	execute(t, d, change.CreateGraph{Graph: "root", Name: "Root"}, change.CreateGraph{Graph: "sub"}, change.CreateGraph{Graph: "gone"},
		change.AddNode{Graph: "sub", Node: graph.Node{ID: "loop", Ref: "root"}},
		change.AddNode{Graph: "root", Node: graph.Node{ID: "s", Ref: "sub"}})
	last := execute(t, d, change.ArchiveGraph{Graph: "gone"}).LastSequence
	if err := cat.WaitFor(ctx, last); err != nil {
		t.Fatal(err)
	}
	list := cat.List(false)
	if len(list) != 2 || list[0].ID != "root" || list[0].Name != "Root" || list[0].Nodes != 1 || list[1].ID != "sub" {
		t.Fatalf("list %+v", list)
	}
	if all := cat.List(true); len(all) != 3 || !all[2].Archived || all[2].Sequence != last {
		t.Fatalf("list with archived %+v", all)
	}
	tree, err := cat.Tree("root", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Children) != 1 || tree.Children[0].Graph != "sub" || len(tree.Children[0].Children) != 1 ||
		!tree.Children[0].Children[0].Recursive {
		t.Fatalf("tree %+v", tree)
	}
	if _, err := cat.Tree("nope", 0); !errors.Is(err, change.ErrNotFound) {
		t.Fatalf("tree of missing root: %v", err)
	}
}
