package conformance

import (
	"context"
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// fixture stores seven events in three aggregates; sequence i+1 is
// returned[i].
func fixture(t *testing.T, s eventstore.Store) []message.Event {
	t.Helper()
	var all []message.Event
	add := func(agg string, after uint64, types ...string) {
		events := batch(agg, after, types...)
		res := mustAppend(t, s, agg, after, events)
		all = append(all, withSeq(events, res.FirstSequence)...)
	}
	add("a1", 0, "Created", "Renamed")
	add("b2", 0, "Created")
	add("a1", 2, "Moved")
	add("c3", 0, "Created", "Renamed")
	add("b2", 1, "Moved")
	return all
}

var filters = []struct {
	filter string
	seqs   []uint64
}{
	{"", []uint64{1, 2, 3, 4, 5, 6, 7}},
	{"cim.conf.evt.>", []uint64{1, 2, 3, 4, 5, 6, 7}},
	{"cim.conf.evt.*.*", []uint64{1, 2, 3, 4, 5, 6, 7}},
	{"cim.conf.evt.*.Created", []uint64{1, 3, 5}},
	{"cim.conf.evt.a1.*", []uint64{1, 2, 4}},
	{"cim.conf.evt.a1.>", []uint64{1, 2, 4}},
	{"cim.*.evt.*.Renamed", []uint64{2, 6}},
	{"cim.conf.evt.b2.Moved", []uint64{7}},
	{"cim.conf.evt.*", nil},
	{"cim.conf.evt.a1.Created.x", nil},
	{"cim.other.evt.>", nil},
}

func testReadWithFilters(t *testing.T, b Backend) {
	s := open(t, b)
	all := fixture(t, s)
	for _, f := range filters {
		var want []message.Event
		for _, seq := range f.seqs {
			want = append(want, all[seq-1])
		}
		sameEvents(t, readAll(t, s, 0, f.filter), want)
	}
	for _, bad := range []string{"cim..evt", "cim.conf.>.x", "cim.conf.evt.a b", ".cim"} {
		err := s.Read(testCtx(t), 0, bad, func(message.Event) error { return nil })
		if !errors.Is(err, eventstore.ErrInvalid) {
			t.Errorf("filter %q: %v, want ErrInvalid", bad, err)
		}
	}
}

func testReadFromAnySequence(t *testing.T, b Backend) {
	s := open(t, b)
	all := fixture(t, s)
	rapid.Check(t, func(rt *rapid.T) {
		from := rapid.Uint64Range(0, 9).Draw(rt, "from")
		filter := rapid.SampledFrom(filters).Draw(rt, "filter").filter
		var want, got []message.Event
		for _, e := range all {
			if e.Sequence >= from && eventstore.Match(filter, eventstore.Subject(Domain, e.AggregateID, e.Type)) {
				want = append(want, e)
			}
		}
		err := s.Read(context.Background(), from, filter, func(e message.Event) error { got = append(got, e); return nil })
		if err != nil {
			rt.Fatalf("read: %v", err)
		}
		if len(got) != len(want) {
			rt.Fatalf("got %s, want %s", names(got), names(want))
		}
		for i := range want {
			if d := diff(got[i], want[i]); d != "" {
				rt.Fatalf("event %d: %s", i, d)
			}
		}
	})
}

func testReadStopsAtError(t *testing.T, b Backend) {
	s := open(t, b)
	fixture(t, s)
	stop := errors.New("enough")
	calls := 0
	err := s.Read(testCtx(t), 0, "", func(message.Event) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("read returned %v after %d calls, want the callback's error after 1", err, calls)
	}
}

func testFollow(t *testing.T, b Backend) {
	s := open(t, b)
	all := fixture(t, s)
	got := make(chan message.Event, 100)
	sub, err := s.Follow(testCtx(t), 2, "cim.conf.evt.a1.*", func(e message.Event) { got <- e })
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Stop()
	live := batch("a1", 3, "Renamed", "Moved")
	res := mustAppend(t, s, "a1", 3, live)
	mustAppend(t, s, "b2", 2, batch("b2", 2, "Renamed"))
	want := append([]message.Event{all[1], all[3]}, withSeq(live, res.FirstSequence)...)
	sameEvents(t, receive(t, got, len(want)), want)
}

func testFollowStops(t *testing.T, b Backend) {
	s := open(t, b)
	fixture(t, s)
	got := make(chan message.Event, 100)
	ctx, cancel := context.WithCancel(testCtx(t))
	subs := make([]eventstore.Subscription, 2)
	for i := range subs {
		var err error
		if subs[i], err = s.Follow(ctx, 0, "", func(e message.Event) { got <- e }); err != nil {
			t.Fatal(err)
		}
	}
	receive(t, got, 14)
	subs[0].Stop()
	cancel()
	time.Sleep(50 * time.Millisecond)
	mustAppend(t, s, "a1", 3, batch("a1", 3, "Renamed"))
	subs[1].Stop()
	select {
	case e := <-got:
		t.Fatalf("got %s.%s after Stop and cancel", e.AggregateID, e.Type)
	case <-time.After(200 * time.Millisecond):
	}
}

// receive takes n events from ch or fails after a few seconds.
func receive(t *testing.T, ch <-chan message.Event, n int) []message.Event {
	t.Helper()
	out := make([]message.Event, 0, n)
	timeout := time.After(15 * time.Second)
	for len(out) < n {
		select {
		case e := <-ch:
			out = append(out, e)
		case <-timeout:
			t.Fatalf("received %d of %d events: %s", len(out), n, names(out))
		}
	}
	return out
}
