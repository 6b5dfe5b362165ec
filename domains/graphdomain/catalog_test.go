package graphdomain

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// engine runs the graph domain on the harness's engine over an in-memory
// store, with the catalog following that store.
func engine(t *testing.T) (*service.Engine[*change.State], *Catalog) {
	t.Helper()
	store, err := memstore.New(Name)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := Follow(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := service.NewEngine(Spec(store, cat), store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Stop(); store.Close() })
	return eng, cat
}

func execute(t *testing.T, eng *service.Engine[*change.State], cmds ...change.Command) service.Ack {
	t.Helper()
	var ack service.Ack
	for _, c := range cmds {
		b, _ := json.Marshal(c)
		var err error
		if ack, err = eng.Execute(context.Background(), message.NewCommand(Name, c.CommandType(), c.Target(), b)); err != nil {
			t.Fatalf("%s: %v", c.CommandType(), err)
		}
	}
	return ack
}

func TestCatalogListsAndNests(t *testing.T) {
	eng, cat := engine(t)
	execute(t, eng, change.CreateGraph{Graph: "root", Name: "Root"}, change.CreateGraph{Graph: "sub"}, change.CreateGraph{Graph: "gone"},
		change.AddNode{Graph: "sub", Node: graph.Node{ID: "loop", Ref: "root"}},
		change.AddNode{Graph: "root", Node: graph.Node{ID: "s", Ref: "sub"}})
	last := execute(t, eng, change.ArchiveGraph{Graph: "gone"}).Sequence
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
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
	tree, err := cat.Tree("root", 1)
	if err != nil || len(tree.Children) != 1 || !tree.Children[0].Truncated {
		t.Fatalf("tree to depth 1: %+v, %v", tree, err)
	}
	if _, err := cat.Tree("nope", 0); !errors.Is(err, change.ErrNotFound) {
		t.Fatalf("tree of missing root: %v", err)
	}
	if cat.Bad() != 0 {
		t.Fatalf("%d events did not fit", cat.Bad())
	}
}

// A link to a graph created a moment ago is accepted even though the
// catalog follows the store asynchronously.
func TestLinkRightAfterCreate(t *testing.T) {
	eng, _ := engine(t)
	execute(t, eng, change.CreateGraph{Graph: "g"}, change.AddNode{Graph: "g", Node: graph.Node{ID: "a"}})
	for _, id := range []string{"s1", "s2", "s3"} {
		execute(t, eng, change.CreateGraph{Graph: id}, change.LinkSubgraph{Graph: "g", Node: "a", Ref: id})
	}
}

// A graph rebuilt at a past sequence equals the one that was current then.
func TestAtSequenceMatchesThePast(t *testing.T) {
	store, _ := memstore.New(Name)
	defer store.Close()
	cat, _ := Follow(context.Background(), store)
	defer cat.Stop()
	eng, _ := service.NewEngine(Spec(store, cat), store)
	execute(t, eng, change.CreateGraph{Graph: "g"})
	var snapshots []string
	var seqs []uint64
	for i, id := range []string{"a", "b", "c"} {
		ack := execute(t, eng, change.AddNode{Graph: "g", Node: graph.Node{ID: id, Pos: graph.Point{X: float64(i)}}})
		raw, err := eng.Query(context.Background(), QueryGet, "g", nil)
		if err != nil {
			t.Fatal(err)
		}
		snapshots, seqs = append(snapshots, string(raw)), append(seqs, ack.Sequence)
	}
	for i, seq := range seqs {
		s, err := AtSequence(context.Background(), store, "g", seq)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(View{Graph: s.Graph, Version: s.Version})
		if string(b) != snapshots[i] {
			t.Fatalf("at %d:\n got %s\nwant %s", seq, b, snapshots[i])
		}
	}
}
