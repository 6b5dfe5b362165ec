package person_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/person"
	"github.com/cimviz/cimviz/domains/service"
)

// start serves the person domain on the real embedded NATS server with a
// JetStream store and returns a client.
func start(t *testing.T) *service.Client {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, person.DomainName)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := person.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	return service.NewClient(nc, person.DomainName)
}

func send(t *testing.T, c *service.Client, cmd message.Command) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Send(ctx, cmd)
	return err
}

func query(t *testing.T, c *service.Client, name, id string, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.Query(ctx, name, id, nil, out)
}

// eventually retries a view until check is satisfied (the directory
// follows the store, a moment behind the acks).
func eventually(t *testing.T, c *service.Client, view string, out any, check func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := query(t, c, view, "", out); err == nil && check() {
			return
		}
	}
	t.Fatalf("%s never settled: %+v", view, out)
}

// The company seeds through the service; get, the people view, the
// relationship graph and the vCard export answer over NATS.
func TestSeedAndViewsOverNATS(t *testing.T) {
	c := start(t)
	for _, cmd := range person.Seed() {
		if err := send(t, c, cmd); err != nil {
			t.Fatalf("%s %s: %v", cmd.Type, cmd.Payload, err)
		}
	}
	var ada person.PersonAnswer
	if err := query(t, c, "get", "person-ada", &ada); err != nil || len(ada.Relations) != 3 || ada.Name.Display != "Ada Lovelace" || ada.Version != 8 {
		t.Fatalf("get: %+v, %v", ada, err)
	}
	n, relations := len(person.Company()), 0
	for _, p := range person.Company() {
		relations += len(p.Relations)
	}
	var people []person.Summary
	eventually(t, c, "people", &people, func() bool { return len(people) == n })
	if people[0].ID != "person-ada" || people[0].Emails[0] != "ada@example.com" {
		t.Fatalf("people: %+v", people)
	}
	var g person.Graph
	eventually(t, c, "relationships", &g, func() bool { return len(g.Edges) == relations })
	if g.Edges[0] != (person.Edge{From: "person-ada", Type: person.ManagerOf, To: "person-grace"}) || len(g.Nodes) != n {
		t.Fatalf("graph: %+v", g)
	}
	var text string
	eventually(t, c, "vcards", &text, func() bool { return strings.Count(text, "BEGIN:VCARD") == n })
	back, err := person.DecodeVCards([]byte(text))
	if err != nil || len(back) != n || back[n-1].ID != "person-margaret" {
		t.Fatalf("vcards view does not import back: %v, %+v", err, back)
	}
}

// Refusals come back with their codes over the wire.
func TestRefusalsOverNATS(t *testing.T) {
	c := start(t)
	cmd := func(typ, id, payload string) message.Command {
		return message.NewCommand(person.DomainName, typ, id, json.RawMessage(payload))
	}
	if err := send(t, c, cmd("register_person", "person-ada", `{"name":{"display":"Ada"}}`)); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		cmd  message.Command
		code int
	}{
		{"bad email", cmd("add_contact", "person-ada", `{"kind":"email","value":"ada"}`), 400},
		{"bad phone", cmd("add_contact", "person-ada", `{"kind":"phone","value":"call me"}`), 400},
		{"self relationship", cmd("relate", "person-ada", `{"type":"mentor_of","to":"person-ada"}`), 400},
		{"relationship to nobody", cmd("relate", "person-ada", `{"type":"mentor_of","to":"person-nobody"}`), 404},
		{"no such person", cmd("add_skill", "person-nobody", `{"name":"go","level":3}`), 404},
		{"registered twice", cmd("register_person", "person-ada", `{"name":{"display":"Ada"}}`), 409},
	} {
		var we *service.Error
		if err := send(t, c, tt.cmd); !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
}
