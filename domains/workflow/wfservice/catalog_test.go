package wfservice

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/workflow"
)

func TestCatalogKnowsTopLevelInstances(t *testing.T) {
	store, err := memstore.New(InstanceDomain)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	started := map[string]workflow.Event{
		"top":   {Workflow: "recursive"},
		"child": {Workflow: "recursive", Parent: "top", ParentStep: "again", Depth: 1},
	}
	for id, e := range started {
		payload, _ := json.Marshal(e)
		ev := message.NewEvent(message.NewRoot(), InstanceDomain, workflow.EvtInstanceStarted, id, 1, payload)
		if _, err := store.Append(context.Background(), id, 0, []message.Event{ev}); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := FollowCatalog(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Stop()
	waitFor(t, func() bool { return len(cat.List("", "")) == 2 })
	for id, want := range map[string]bool{"top": true, "child": false, "unseen": false} {
		if got := cat.TopLevel(id); got != want {
			t.Errorf("TopLevel(%q) = %v, want %v", id, got, want)
		}
	}
	if kids := cat.Children("top"); len(kids) != 1 || kids[0] != "child" {
		t.Errorf("children of top: %v", kids)
	}
}
