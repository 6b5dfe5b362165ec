package dialog_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/dialog"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/person"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
)

// rig is the dialog service on the real embedded NATS server with a
// JetStream store.
type rig struct {
	client *service.Client
	store  *jsstore.Store
}

func start(t *testing.T) *rig {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, dialog.DomainName)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := dialog.Domain.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	return &rig{client: service.NewClient(nc, dialog.DomainName), store: store}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

func command(actor, typ, id, payload string) message.Command {
	c := message.NewCommand(dialog.DomainName, typ, id, json.RawMessage(payload))
	c.Actor = actor
	return c
}

// The seed, sent through the service, answers get, tree and graph; its
// speakers are the company's people and each turn records its actor.
func TestSeedOverNATS(t *testing.T) {
	r := start(t)
	for _, c := range dialog.Seed() {
		if _, err := r.client.Send(ctx(t), c); err != nil {
			t.Fatalf("%s: %v", c.Type, err)
		}
	}
	var conv dialog.GetAnswer
	if err := r.client.Query(ctx(t), "get", dialog.SeedConversation, nil, &conv); err != nil || len(conv.Turns) != 5 || conv.Version != 7 {
		t.Fatalf("get: %+v, %v", conv, err)
	}
	people := map[string]bool{}
	for _, p := range person.Company() {
		people[p.ID] = true
	}
	for _, p := range conv.Participants {
		if !people[p.ID] || p.Kind != dialog.Person {
			t.Errorf("participant %+v is not one of the company's people", p)
		}
	}
	var tree dialog.TreeAnswer
	if err := r.client.Query(ctx(t), "tree", dialog.SeedConversation, nil, &tree); err != nil || len(tree.Turns) != 5 ||
		tree.Turns[1].ID != "t2" || tree.Turns[1].Depth != 1 || len(tree.Turns[0].Replies) != 2 {
		t.Fatalf("tree: %+v, %v", tree, err)
	}
	var g graph.Graph
	if err := r.client.Query(ctx(t), "graph", dialog.SeedConversation, nil, &g); err != nil || g.Reindex() != nil || g.NodeCount() != 10 {
		t.Fatalf("graph: %d nodes, %v", g.NodeCount(), err)
	}
	evs, err := r.store.Load(ctx(t), dialog.SeedConversation, 0)
	if err != nil || len(evs) != 7 || evs[2].Actor != "person-grace" || evs[2].Type != "turn_replied" {
		t.Fatalf("events: %d, %v", len(evs), err)
	}
}

// Refusals come back with their codes and append nothing.
func TestRefusalsOverNATS(t *testing.T) {
	r := start(t)
	if _, err := r.client.Send(ctx(t), command("person-ada", "start_conversation", "c1", `{"participants":[{"id":"person-ada"}]}`)); err != nil {
		t.Fatal(err)
	}
	before, _ := r.store.LastSequence(ctx(t))
	tests := []struct {
		name string
		c    message.Command
		code int
	}{
		{"malformed JSON", command("person-ada", "say", "c1", `{"text":`), 400},
		{"unknown field", command("person-ada", "say", "c1", `{"txt":"x"}`), 400},
		{"outsider speaks", command("person-ken", "say", "c1", `{"text":"x"}`), 403},
		{"speaks as another", command("person-ken", "say", "c1", `{"speaker":"person-ada","text":"x"}`), 403},
		{"reply to nothing there", command("person-ada", "reply", "c1", `{"reply_to":"t7","text":"x"}`), 404},
		{"no such conversation", command("person-ada", "say", "c9", `{"text":"x"}`), 404},
		{"started twice", command("person-ada", "start_conversation", "c1", `{"participants":[{"id":"person-ada"}]}`), 409},
	}
	for _, tt := range tests {
		_, err := r.client.Send(ctx(t), tt.c)
		var we *service.Error
		if !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
	if after, err := r.store.LastSequence(ctx(t)); err != nil || after != before {
		t.Fatalf("refused commands appended: sequence %d -> %d, %v", before, after, err)
	}
}
