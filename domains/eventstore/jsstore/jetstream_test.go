package jsstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

func open(t *testing.T, nc *nats.Conn) *jsstore.Store {
	t.Helper()
	s, err := jsstore.Open(ctx(t), nc, "flow")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func events(agg string, after uint64, types ...string) []message.Event {
	out := make([]message.Event, len(types))
	for i, typ := range types {
		out[i] = message.NewEvent(message.NewRoot(), "flow", typ, agg, after+uint64(i)+1, []byte(`{"n":1}`))
	}
	return out
}

func TestServerRestartKeepsEvents(t *testing.T) {
	dir := t.TempDir()
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: dir})
	stored := events("n1", 0, "NodeAdded", "NodeMoved")
	if _, err := open(t, nc).Append(ctx(t), "n1", 0, stored); err != nil {
		t.Fatal(err)
	}
	natstest.Stop(t, srv)
	_, nc = natstest.StartOn(t, natsembed.Config{DataDir: dir})
	s := open(t, nc)
	got, err := s.Load(ctx(t), "n1", 0)
	if err != nil || len(got) != 2 || got[1].MessageID != stored[1].MessageID {
		t.Fatalf("after restart: %d events, %v", len(got), err)
	}
	if _, err := s.Append(ctx(t), "n1", 2, events("n1", 2, "NodeRemoved")); err != nil {
		t.Fatalf("append after restart: %v", err)
	}
}

func TestStoresOnTwoConnectionsConflict(t *testing.T) {
	srv, nc := natstest.Start(t)
	nc2, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	a, b := open(t, nc), open(t, nc2)
	if _, err := a.Append(ctx(t), "n1", 0, events("n1", 0, "NodeAdded")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Append(ctx(t), "n1", 1, events("n1", 1, "NodeMoved")); err != nil {
		t.Fatal(err) // b had no cache entry: it looks the sequence up
	}
	// a's cache still says version 1; the server refuses, a batch of two
	// stores nothing.
	_, err = a.Append(ctx(t), "n1", 1, events("n1", 1, "NodeMoved", "NodeMoved"))
	if !errors.Is(err, eventstore.ErrConflict) {
		t.Fatalf("stale append: %v, want ErrConflict", err)
	}
	if res, err := a.Append(ctx(t), "n1", 2, events("n1", 2, "NodeRemoved")); err != nil || res.FirstSequence != 3 {
		t.Fatalf("append after reload: %+v %v", res, err)
	}
}

func TestEventsAreReadableMessages(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	e := events("n1", 0, "NodeAdded")
	if _, err := s.Append(ctx(t), "n1", 0, e); err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	str, err := js.Stream(ctx(t), jsstore.StreamName("flow"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := str.GetMsg(ctx(t), 1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "cim.flow.evt.n1.NodeAdded" || string(m.Data) != `{"n":1}` || m.Header.Get(message.HeaderEventType) != "NodeAdded" {
		t.Fatalf("stored %s %q %v", m.Subject, m.Data, m.Header)
	}
}

func TestHandPublishedJunkIsSkipped(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	js, _ := jetstream.New(nc)
	if _, err := js.Publish(ctx(t), "cim.flow.evt.n1.NodeAdded", []byte("not an event")); err != nil {
		t.Fatal(err)
	}
	good := events("n2", 0, "NodeAdded")
	if _, err := s.Append(ctx(t), "n2", 0, good); err != nil {
		t.Fatal(err)
	}
	var got []message.Event
	err := s.Read(ctx(t), 0, "", func(e message.Event) error { got = append(got, e); return nil })
	if err != nil || len(got) != 1 || got[0].MessageID != good[0].MessageID || got[0].Sequence != 2 {
		t.Fatalf("read %d events (%v), want only the real one at sequence 2", len(got), err)
	}
}

func TestDomainThatCannotNameAStream(t *testing.T) {
	_, nc := natstest.Start(t)
	for _, d := range []string{"", "a.b", "a/b", "a b"} {
		if _, err := jsstore.Open(ctx(t), nc, d); !errors.Is(err, eventstore.ErrInvalid) {
			t.Errorf("domain %q: %v, want ErrInvalid", d, err)
		}
	}
}

func TestManyConcurrentBatchesAllLand(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	const writers = 40 // more than the store's open-batch slots
	errs := make(chan error, writers)
	for i := range writers {
		go func() {
			agg := fmt.Sprintf("n%d", i)
			_, err := s.Append(ctx(t), agg, 0, events(agg, 0, "NodeAdded", "NodeMoved", "NodeMoved"))
			errs <- err
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.LastSequence(ctx(t)); err != nil || n != 3*writers {
		t.Fatalf("last sequence %d (%v), want %d", n, err, 3*writers)
	}
}

func TestLoadLongAndShortTails(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	types := make([]string, 20)
	for i := range types {
		types[i] = "NodeMoved"
	}
	var all []message.Event
	for after := uint64(0); after < 40; after += 20 {
		batch := events("n1", after, types...)
		if _, err := s.Append(ctx(t), "n1", after, batch); err != nil {
			t.Fatal(err)
		}
		all = append(all, batch...)
	}
	fresh := open(t, nc) // no cache: looks everything up
	for _, from := range []uint64{0, 3, 30, 39, 40, 41} {
		for name, st := range map[string]*jsstore.Store{"warm": s, "fresh": fresh} {
			got, err := st.Load(ctx(t), "n1", from)
			want := all[min(from, 40):]
			if err != nil || len(got) != len(want) || (len(want) > 0 && got[0].MessageID != want[0].MessageID) {
				t.Fatalf("%s load from %d: %d events (%v), want %d", name, from, len(got), err, len(want))
			}
		}
	}
}

func TestLoadSkipsJunkOnTheAggregatesSubjects(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	good := events("n1", 0, "NodeAdded")
	if _, err := s.Append(ctx(t), "n1", 0, good); err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	if _, err := js.Publish(ctx(t), "cim.flow.evt.n1.NodeMoved", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx(t), "n1", 0)
	if err != nil || len(got) != 1 || got[0].MessageID != good[0].MessageID {
		t.Fatalf("load with junk last: %d events, %v", len(got), err)
	}
}

// An append to a stream someone deleted fails at once, saying so, and a
// store closed with appends in flight releases them.
func TestAppendToDeletedStreamFails(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if err := js.DeleteStream(ctx(t), jsstore.StreamName("flow")); err != nil {
		t.Fatal(err)
	}
	_, err = s.Append(ctx(t), "a1", 0, events("a1", 0, "Created"))
	if !errors.Is(err, nats.ErrNoResponders) {
		t.Fatalf("append to a deleted stream: %v, want ErrNoResponders", err)
	}
}

// Opening and closing stores does not pile up reply subscriptions.
func TestClosedStoresLeaveNoSubscriptions(t *testing.T) {
	_, nc := natstest.Start(t)
	_ = open(t, nc).Close() // the connection's own request subscription starts here
	before := nc.NumSubscriptions()
	for range 5 {
		s := open(t, nc)
		if _, err := s.Append(ctx(t), "a1", 0, events("a1", 0, "Created")); err != nil && !errors.Is(err, eventstore.ErrConflict) {
			t.Fatal(err)
		}
		_ = s.Close()
	}
	if after := nc.NumSubscriptions(); after > before {
		t.Fatalf("%d subscriptions after 5 stores came and went, %d before", after, before)
	}
}

// A Load long enough to go through an ordered consumer, and a Follow that
// stops, leave no consumer behind: a stream takes at most a thousand.
func TestReadsLeaveNoConsumers(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	types := make([]string, 40)
	for i := range types {
		types[i] = "NodeMoved"
	}
	if _, err := s.Append(ctx(t), "long", 0, events("long", 0, types...)); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if got, err := s.Load(ctx(t), "long", 0); err != nil || len(got) != len(types) {
			t.Fatalf("load: %d events, %v", len(got), err)
		}
	}
	sub, err := s.Follow(ctx(t), 0, "", func(message.Event) {})
	if err != nil {
		t.Fatal(err)
	}
	sub.Stop()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	str, err := js.Stream(ctx(t), jsstore.StreamName("flow"))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		info, err := str.Info(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Consumers == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d consumers left on the stream after the reads ended", info.State.Consumers)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A message published by hand on an aggregate's subjects does not block
// the aggregate: the next append expects the junk's place and the last
// real event's version.
func TestAppendAfterJunkOnTheAggregatesSubjects(t *testing.T) {
	_, nc := natstest.Start(t)
	s := open(t, nc)
	if _, err := s.Append(ctx(t), "n1", 0, events("n1", 0, "NodeAdded")); err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	if _, err := js.Publish(ctx(t), "cim.flow.evt.n1.NodeMoved", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	fresh := open(t, nc) // knows nothing of n1: it must find its place on the stream
	if _, err := fresh.Append(ctx(t), "n1", 1, events("n1", 1, "NodeMoved")); err != nil {
		t.Fatalf("append after junk: %v", err)
	}
	if _, err := fresh.Append(ctx(t), "n1", 1, events("n1", 1, "NodeMoved")); !errors.Is(err, eventstore.ErrConflict) {
		t.Fatalf("a second append at the same version: %v, want a conflict", err)
	}
	got, err := fresh.Load(ctx(t), "n1", 0)
	if err != nil || len(got) != 2 || got[1].Version != 2 {
		t.Fatalf("after junk and an append: %d events, %v", len(got), err)
	}
}
