package concept_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// rig is the concept service on the real embedded NATS server with a
// JetStream store, a client, and a tap on the event subjects.
type rig struct {
	t      *testing.T
	client *service.Client
	mu     sync.Mutex
	seen   []string
}

func start(t *testing.T) *rig {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, concept.Name)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := concept.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	r := &rig{t: t, client: service.NewClient(nc, concept.Name)}
	sub, err := nc.Subscribe("cim.concept.evt.>", func(m *nats.Msg) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.seen = append(r.seen, m.Subject)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sub.Unsubscribe() })
	return r
}

func (r *rig) send(typ, id, payload string) (service.Ack, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.client.Send(ctx, message.NewCommand(concept.Name, typ, id, json.RawMessage(payload)))
}

func (r *rig) query(name, id string, args, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.client.Query(ctx, name, id, args, out)
}

func (r *rig) waitSeen(subject string) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		ok := slices.Contains(r.seen, subject)
		r.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.t.Fatalf("no event on %s; saw %v", subject, r.seen)
}

func sample(t *testing.T, id string) concept.Sample {
	samples, err := concept.Samples()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no sample %q", id)
	return concept.Sample{}
}

// The colour sample seeds through the service; queries answer over NATS,
// and events land on cim.concept.evt.<space>.<event>.
func TestSeedAndQueryOverNATS(t *testing.T) {
	r := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := concept.Seed(ctx, r.client, sample(t, "colours"), "colours"); err != nil {
		t.Fatal(err)
	}
	var got space.Match
	if err := r.query("categorize", "colours", concept.CategorizeArgs{Point: concept.Ref{Name: "pumpkin"}}, &got); err != nil || got.Name != "orange" {
		t.Fatalf("pumpkin: %+v, %v", got, err)
	}
	var near concept.MatchesAnswer
	if err := r.query("knn", "colours", concept.KNNArgs{Point: concept.Ref{Name: "white"}, K: 1}, &near); err != nil || len(near.Items) != 1 || near.Items[0].Name != "snow" {
		t.Fatalf("nearest to white: %+v, %v", near, err)
	}
	var whole concept.SpaceAnswer
	if err := r.query("get", "colours", nil, &whole); err != nil || len(whole.Concepts) != 11 || whole.Version == 0 {
		t.Fatalf("get: %d concepts at version %d, %v", len(whole.Concepts), whole.Version, err)
	}
	r.waitSeen("cim.concept.evt.colours.space_created")
	r.waitSeen("cim.concept.evt.colours.item_added")
}

// Every command over the wire, then its effect seen by a query.
func TestEveryCommandOverNATS(t *testing.T) {
	r := start(t)
	steps := []struct{ typ, payload, event string }{
		{"create_space", `{"name":"taste"}`, "space_created"},
		{"add_dimension", `{"dimension":{"name":"sweet","kind":"continuous","min":0,"max":10,"domain":"taste"}}`, "dimension_added"},
		{"add_dimension", `{"dimension":{"name":"sour","kind":"continuous","min":0,"max":10,"domain":"taste"}}`, "dimension_added"},
		{"add_concept", `{"name":"candy","prototype":{"sweet":9,"sour":1}}`, "concept_added"},
		{"add_concept", `{"name":"lemon","prototype":{"sweet":1,"sour":9}}`, "concept_added"},
		{"add_item", `{"name":"cola","point":{"sweet":8,"sour":3}}`, "item_added"},
		{"move_item", `{"name":"cola","to":{"sweet":2,"sour":8}}`, "item_moved"},
		{"move_concept", `{"name":"lemon","to":{"sweet":2,"sour":9}}`, "concept_moved"},
		{"update_dimension", `{"dimension":{"name":"sweet","kind":"continuous","min":0,"max":20,"domain":"taste"}}`, "dimension_updated"},
		{"set_weights", `{"context":"dessert","weights":{"taste":2}}`, "weights_set"},
		{"add_dimension", `{"dimension":{"name":"fizz","kind":"ordinal","levels":["flat","fizzy"]},"default":"flat"}`, "dimension_added"},
		{"remove_dimension", `{"name":"fizz"}`, "dimension_removed"},
		{"remove_concept", `{"name":"candy"}`, "concept_removed"},
		{"remove_item", `{"name":"cola"}`, "item_removed"},
	}
	for i, st := range steps {
		ack, err := r.send(st.typ, "taste", st.payload)
		if err != nil || ack.Version != uint64(i+1) {
			t.Fatalf("%s: ack %+v, %v", st.typ, ack, err)
		}
		r.waitSeen("cim.concept.evt.taste." + st.event)
	}
	var whole concept.SpaceAnswer
	if err := r.query("get", "taste", nil, &whole); err != nil {
		t.Fatal(err)
	}
	if len(whole.Dimensions) != 2 || whole.Dimensions[0].Max != 20 || len(whole.Concepts) != 1 || len(whole.Items) != 0 || whole.Weights["dessert"]["taste"] != 2 {
		t.Fatalf("space after every command: %+v", whole.Space)
	}
}

// Refusals come back with their codes: 400 for broken rules and bad
// input, 404 for a missing space, 409 for creating one twice.
func TestRefusalsOverNATS(t *testing.T) {
	r := start(t)
	if _, err := r.send("create_space", "s", `{"name":"s"}`); err != nil {
		t.Fatal(err)
	}
	if _, err := r.send("add_dimension", "s", `{"dimension":{"name":"hue","kind":"circular","period":360}}`); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, typ, id, payload string
		code                   int
		want                   error
	}{
		{"hue out of range", "add_item", "s", `{"name":"x","point":{"hue":400}}`, 400, service.ErrInvalid},
		{"unknown dimension", "add_item", "s", `{"name":"x","point":{"hue":1,"gloss":2}}`, 400, service.ErrInvalid},
		{"malformed payload", "add_item", "s", `{"name":`, 400, service.ErrInvalid},
		{"unknown command", "explode", "s", `{}`, 400, service.ErrInvalid},
		{"no such space", "add_item", "nowhere", `{"name":"x","point":{"hue":1}}`, 404, service.ErrNotFound},
		{"created twice", "create_space", "s", `{"name":"s"}`, 409, service.ErrConflict},
	}
	for _, tt := range tests {
		_, err := r.send(tt.typ, tt.id, tt.payload)
		var we *service.Error
		if !errors.Is(err, tt.want) || !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
	var m space.Match
	err := r.query("categorize", "s", concept.CategorizeArgs{Point: concept.Ref{Point: space.Point{"hue": space.Num(-5)}}}, &m)
	if !errors.Is(err, service.ErrInvalid) {
		t.Errorf("query with a bad point: err = %v, want 400", err)
	}
	if err := r.query("get", "nowhere", nil, &m); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("query of a missing space: err = %v, want 404", err)
	}
}
