package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// batch makes events for aggregate agg, versions after+1..after+len(types).
func batch(agg string, after uint64, types ...string) []message.Event {
	out := make([]message.Event, len(types))
	for i, typ := range types {
		v := after + uint64(i) + 1
		payload := json.RawMessage(fmt.Sprintf(`{"agg":%q,"v":%d}`, agg, v))
		out[i] = message.NewEvent(message.NewRoot(), Domain, typ, agg, v, payload)
	}
	return out
}

// mustAppend appends and fails the test on error.
func mustAppend(t *testing.T, s eventstore.Store, agg string, expected uint64, events []message.Event) eventstore.AppendResult {
	t.Helper()
	res, err := s.Append(testCtx(t), agg, expected, events)
	if err != nil {
		t.Fatalf("append %s at %d: %v", agg, expected, err)
	}
	return res
}

// readAll returns what Read delivers.
func readAll(t *testing.T, s eventstore.Store, from uint64, filter string) []message.Event {
	t.Helper()
	var out []message.Event
	err := s.Read(testCtx(t), from, filter, func(e message.Event) error {
		out = append(out, e)
		return nil
	})
	if err != nil {
		t.Fatalf("read from %d filter %q: %v", from, filter, err)
	}
	return out
}

// sameEvents fails unless got are want (ignoring Sequence when want's is 0).
func sameEvents(t *testing.T, got, want []message.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d:\ngot  %s\nwant %s", len(got), len(want), names(got), names(want))
	}
	for i := range want {
		if d := diff(got[i], want[i]); d != "" {
			t.Fatalf("event %d: %s", i, d)
		}
	}
}

func diff(got, want message.Event) string {
	switch {
	case got.Identity != want.Identity:
		return fmt.Sprintf("identity %+v, want %+v", got.Identity, want.Identity)
	case got.Domain != want.Domain || got.AggregateID != want.AggregateID || got.Type != want.Type:
		return fmt.Sprintf("%s/%s %s, want %s/%s %s", got.Domain, got.AggregateID, got.Type, want.Domain, want.AggregateID, want.Type)
	case got.Version != want.Version:
		return fmt.Sprintf("version %d, want %d", got.Version, want.Version)
	case !got.Time.Equal(want.Time):
		return fmt.Sprintf("time %v, want %v", got.Time, want.Time)
	case !bytes.Equal(got.Payload, want.Payload):
		return fmt.Sprintf("payload %s, want %s", got.Payload, want.Payload)
	case want.Sequence != 0 && got.Sequence != want.Sequence:
		return fmt.Sprintf("sequence %d, want %d", got.Sequence, want.Sequence)
	}
	return ""
}

func names(es []message.Event) string {
	var b bytes.Buffer
	for _, e := range es {
		fmt.Fprintf(&b, "%s.%s@%d ", e.AggregateID, e.Type, e.Sequence)
	}
	return b.String()
}

// withSeq returns events with the sequences first, first+1, ...
func withSeq(events []message.Event, first uint64) []message.Event {
	out := append([]message.Event(nil), events...)
	for i := range out {
		out[i].Sequence = first + uint64(i)
	}
	return out
}

func lastSeq(t *testing.T, s eventstore.Store) uint64 {
	t.Helper()
	n, err := s.LastSequence(testCtx(t))
	if err != nil {
		t.Fatalf("last sequence: %v", err)
	}
	return n
}

// testChainKept: an event's chain marks come back from Load, Read and
// Follow as they were stored.
func testChainKept(t *testing.T, b Backend) {
	s := open(t, b)
	evs := batch("c1", 0, "A", "B")
	evs[0].Chain = &message.Chain{Index: 0, Count: 2, Rest: []message.ChainLink{{Type: "B", Payload: evs[1].Payload}}}
	evs[1].Chain = &message.Chain{Index: 1, Count: 2}
	for i := range evs {
		mustAppend(t, s, "c1", uint64(i), evs[i:i+1])
	}
	check := func(how string, got []message.Event) {
		t.Helper()
		if len(got) != 2 {
			t.Fatalf("%s: %d events, want 2", how, len(got))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i].Chain, evs[i].Chain) {
				t.Fatalf("%s: event %d chain %+v, stored %+v", how, i, got[i].Chain, evs[i].Chain)
			}
		}
	}
	loaded, err := s.Load(testCtx(t), "c1", 0)
	if err != nil {
		t.Fatal(err)
	}
	check("Load", loaded)
	check("Read", readAll(t, s, 0, ""))
	got := make(chan message.Event, 2)
	sub, err := s.Follow(testCtx(t), 0, "", func(e message.Event) { got <- e })
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Stop()
	check("Follow", receive(t, got, 2))
}
