package service_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

func newStore(t testing.TB) eventstore.Store {
	t.Helper()
	s, err := memstore.New(demo.Domain.Name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// eachStore runs a test on the in-memory store and on JetStream (the real
// embedded server, on disk). open returns a handle on the one event log:
// the same memory store, or a new JetStream store on the same stream.
func eachStore(t *testing.T, test func(t *testing.T, open func() eventstore.Store)) {
	t.Run("mem", func(t *testing.T) {
		store := newStore(t)
		test(t, func() eventstore.Store { return store })
	})
	t.Run("jetstream", func(t *testing.T) {
		_, nc := natstest.Start(t)
		test(t, func() eventstore.Store {
			s, err := jsstore.Open(context.Background(), nc, demo.Domain.Name)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = s.Close() })
			return s
		})
	})
}

func newEngine(t testing.TB, store eventstore.Store, opts ...service.Option) *service.Engine[demo.Counter] {
	t.Helper()
	e, err := service.NewEngine(demo.Domain, store, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func command(typ, aggregate, payload string) message.Command {
	c := message.NewCommand(demo.Domain.Name, typ, aggregate, json.RawMessage(payload))
	if payload == "" {
		c.Payload = nil
	}
	return c
}

func mustExecute(t testing.TB, e *service.Engine[demo.Counter], c message.Command) service.Ack {
	t.Helper()
	ack, err := e.Execute(context.Background(), c)
	if err != nil {
		t.Fatalf("%s: %v", c.Type, err)
	}
	return ack
}

func load(t testing.TB, s eventstore.Store, id string) []message.Event {
	t.Helper()
	evs, err := s.Load(context.Background(), id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestEventsAreCausedByTheirCommand(t *testing.T) {
	store := newStore(t)
	e := newEngine(t, store)
	create := command("create", "c1", `{"name":"visits"}`)
	ack := mustExecute(t, e, create)
	evs := load(t, store, "c1")
	if ack.Version != 1 || len(ack.EventIDs) != 1 || len(evs) != 1 || ack.Sequence != evs[0].Sequence {
		t.Fatalf("ack %+v for events %+v", ack, evs)
	}
	got := evs[0]
	if got.MessageID != service.EventID(create.MessageID, 0) || got.MessageID != ack.EventIDs[0] ||
		got.CausationID != create.MessageID || got.CorrelationID != create.CorrelationID {
		t.Fatalf("event identity %+v does not follow command %+v", got.Identity, create.Identity)
	}
}

func TestCreateWithoutIDUsesTheCommandID(t *testing.T) {
	e := newEngine(t, newStore(t))
	create := command("create", "", `{"name":"visits"}`)
	ack := mustExecute(t, e, create)
	if ack.AggregateID != create.MessageID.String() {
		t.Fatalf("aggregate id %q, want the command's message id %s", ack.AggregateID, create.MessageID)
	}
}

func TestRetriedCommandTakesEffectOnce(t *testing.T) {
	eachStore(t, testRetriedCommandTakesEffectOnce)
}

func testRetriedCommandTakesEffectOnce(t *testing.T, open func() eventstore.Store) {
	store := open()
	e := newEngine(t, store)
	mustExecute(t, e, command("create", "c1", `{"name":"visits"}`))
	inc := command("increment", "c1", `{"by":5}`)
	first := mustExecute(t, e, inc)
	mustExecute(t, e, command("increment", "c1", `{"by":1}`))
	for name, eng := range map[string]*service.Engine[demo.Counter]{
		"same engine":                e,
		"restarted engine":           newEngine(t, store),
		"restarted engine, no cache": newEngine(t, store, service.WithCacheSize(0)),
		"another store on the log":   newEngine(t, open(), service.WithCacheSize(0)),
	} {
		again := mustExecute(t, eng, inc)
		if !again.Duplicate || again.Version != first.Version || again.Sequence != first.Sequence ||
			again.EventIDs[0] != first.EventIDs[0] {
			t.Fatalf("%s: retry acked %+v, first ack was %+v", name, again, first)
		}
	}
	if evs := load(t, store, "c1"); len(evs) != 3 {
		t.Fatalf("%d events stored, want 3 (create, +5, +1)", len(evs))
	}
}

func TestRefusalsAppendNothing(t *testing.T) {
	store := newStore(t)
	e := newEngine(t, store, service.WithMaxPayload(64))
	mustExecute(t, e, command("create", "c1", `{"name":"visits","limit":3}`))
	stale := command("rename", "c1", `{"name":"x"}`)
	stale.ExpectedVersion = 7
	noID := command("increment", "c1", "")
	noID.MessageID = [16]byte{}
	tests := []struct {
		name string
		cmd  message.Command
		want error
		code int
		text string
	}{
		{"unknown command", command("explode", "c1", `{}`), service.ErrInvalid, 400, `unknown command "explode"`},
		{"missing aggregate", command("increment", "nope", ""), service.ErrNotFound, 404, `no counter "nope"`},
		{"create twice", command("create", "c1", `{"name":"again"}`), service.ErrConflict, 409, "already exists"},
		{"stale expected version", stale, service.ErrConflict, 409, "expected 7"},
		{"oversized payload", command("rename", "c1", `{"name":"`+strings.Repeat("x", 100)+`"}`), service.ErrInvalid, 400, "over the 64 byte limit"},
		{"bad aggregate id", command("increment", "a.b", ""), service.ErrInvalid, 400, `aggregate id token "a.b"`},
		{"missing message id", noID, service.ErrInvalid, 400, "missing message id"},
		{"domain rule", command("increment", "c1", `{"by":4}`), service.ErrInvalid, 400, "would pass its limit 3"},
		{"malformed payload", command("rename", "c1", `{"name":1}`), service.ErrInvalid, 400, "payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Execute(context.Background(), tt.cmd)
			if !errors.Is(err, tt.want) || service.Code(err) != tt.code || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("err = %v (code %d), want %v %d mentioning %q", err, service.Code(err), tt.want, tt.code, tt.text)
			}
		})
	}
	if last, _ := store.LastSequence(context.Background()); last != 1 {
		t.Fatalf("store at sequence %d after refusals, want 1", last)
	}
	if s := e.Stats(); s.Rejected != uint64(len(tests)) || s.Accepted != 1 || s.Conflicts != 2 {
		t.Fatalf("stats %+v", s)
	}
}

// Two engines on one store stand for two service instances: each has a
// stale cache after the other's append. Retry commands absorb the
// conflict; others report it.
func TestStaleInstanceConflicts(t *testing.T) { eachStore(t, testStaleInstanceConflicts) }

func testStaleInstanceConflicts(t *testing.T, open func() eventstore.Store) {
	a, b := newEngine(t, open()), newEngine(t, open())
	mustExecute(t, a, command("create", "c1", `{"name":"visits"}`))
	mustExecute(t, b, command("increment", "c1", ""))
	mustExecute(t, a, command("increment", "c1", "")) // a's cache is stale: retried
	if _, err := b.Execute(context.Background(), command("rename", "c1", `{"name":"hits"}`)); !errors.Is(err, service.ErrConflict) {
		t.Fatalf("stale rename: err = %v, want a conflict", err)
	}
	mustExecute(t, b, command("rename", "c1", `{"name":"hits"}`)) // reloaded after the conflict
	seen := command("increment", "c1", "")
	seen.ExpectedVersion = 4 // a saw b's rename; a's cache did not
	mustExecute(t, a, seen)
	var got struct {
		demo.Counter
		Version uint64 `json:"version"`
	}
	raw, err := a.Query(context.Background(), "get", "c1", nil)
	if err != nil || json.Unmarshal(raw, &got) != nil {
		t.Fatal(err)
	}
	if got.Value != 3 || got.Name != "hits" || got.Version != 5 || a.Stats().Retries != 1 {
		t.Fatalf("state %+v, stats %+v", got, a.Stats())
	}
}

func TestConcurrentIncrementsAllCount(t *testing.T) { eachStore(t, testConcurrentIncrementsAllCount) }

func testConcurrentIncrementsAllCount(t *testing.T, open func() eventstore.Store) {
	store := open()
	engines := []*service.Engine[demo.Counter]{newEngine(t, store), newEngine(t, open()), newEngine(t, open())}
	mustExecute(t, engines[0], command("create", "c1", `{"name":"visits"}`))
	var wg sync.WaitGroup
	for i := range 60 {
		wg.Go(func() { mustExecute(t, engines[i%3], command("increment", "c1", "")) })
	}
	wg.Wait()
	if evs := load(t, store, "c1"); len(evs) != 61 || demo.Apply(demo.Counter{}, evs[60]).Value != 60 {
		t.Fatalf("%d events, last %s", len(evs), evs[len(evs)-1].Payload)
	}
}

func TestQueryErrors(t *testing.T) {
	e := newEngine(t, newStore(t))
	if _, err := e.Query(context.Background(), "get", "nope", nil); !errors.Is(err, service.ErrNotFound) {
		t.Fatalf("query of a missing counter: %v", err)
	}
	if _, err := e.Query(context.Background(), "list", "c1", nil); !errors.Is(err, service.ErrInvalid) {
		t.Fatalf("unknown query: %v", err)
	}
}
