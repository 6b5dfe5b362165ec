package timelinestore

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

func stored(t *testing.T, graphID string, version uint64, e change.Event) message.Event {
	payload, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return message.NewEvent(message.NewRoot(), "graph", e.EventType(), graphID, version, payload)
}

func TestLoadReadsTheGraphHistoryFromAStore(t *testing.T) {
	ctx := context.Background()
	store, err := memstore.New("graph")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	history := []message.Event{
		stored(t, "g1", 1, change.GraphCreated{Graph: "g1"}),
		stored(t, "g1", 2, change.NodeAdded{Node: graph.Node{ID: "a"}}),
		stored(t, "g1", 3, change.NodeMoved{Node: "a", Pos: graph.Point{X: 5}}),
	}
	for i, e := range history {
		if _, err := store.Append(ctx, "g1", uint64(i), []message.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	tl, skipped, err := Load(ctx, store)
	if err != nil || skipped != 0 || tl.Len() != 3 {
		t.Fatalf("load: %v, %d skipped, %d records", err, skipped, tl.Len())
	}
	if n, _ := tl.Seek(2)["g1"].Graph.Node("a"); n.Pos.X != 0 {
		t.Fatalf("at 2 the node is at %v", n.Pos)
	}
	if n, _ := tl.ReturnToLive()["g1"].Graph.Node("a"); n.Pos.X != 5 {
		t.Fatalf("live the node is at %v", n.Pos)
	}
	bad := history[0]
	bad.Type = "no-such-event"
	if _, err := Decode(bad); !errors.Is(err, ErrUndecodable) {
		t.Fatalf("decode of an unknown type: %v", err)
	}
}
