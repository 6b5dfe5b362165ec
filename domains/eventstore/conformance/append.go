package conformance

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

func testAppendKeepsOrder(t *testing.T, b Backend) {
	s := open(t, b)
	first := batch("a1", 0, "Created", "Renamed", "Moved")
	res := mustAppend(t, s, "a1", 0, first)
	if res.Version != 3 || res.FirstSequence != 1 || res.LastSequence != 3 || res.Duplicate || len(res.EventIDs) != 3 {
		t.Fatalf("first append result %+v", res)
	}
	other := batch("b2", 0, "Created")
	mustAppend(t, s, "b2", 0, other)
	second := batch("a1", 3, "Moved", "Deleted")
	res = mustAppend(t, s, "a1", 3, second)
	if res.Version != 5 || res.FirstSequence != 5 || res.LastSequence != 6 || res.EventIDs[1] != second[1].MessageID {
		t.Fatalf("second append result %+v", res)
	}
	all := append(append(append([]message.Event{}, first...), other...), second...)
	sameEvents(t, readAll(t, s, 0, ""), withSeq(all, 1))
	if n := lastSeq(t, s); n != 6 {
		t.Fatalf("last sequence %d, want 6", n)
	}
}

func testLoadFromVersion(t *testing.T, b Backend) {
	s := open(t, b)
	events := batch("a1", 0, "Created", "Renamed", "Moved", "Moved")
	mustAppend(t, s, "a1", 0, events[:2])
	mustAppend(t, s, "zz", 0, batch("zz", 0, "Created"))
	mustAppend(t, s, "a1", 2, events[2:])
	for from := uint64(0); from <= 5; from++ {
		got, err := s.Load(testCtx(t), "a1", from)
		if err != nil {
			t.Fatalf("load from %d: %v", from, err)
		}
		sameEvents(t, got, events[min(from, 4):])
	}
	if got, err := s.Load(testCtx(t), "nobody", 0); err != nil || len(got) != 0 {
		t.Fatalf("unknown aggregate: %d events, %v", len(got), err)
	}
}

func testConcurrentAppends(t *testing.T, b Backend) {
	s := open(t, b)
	mustAppend(t, s, "a1", 0, batch("a1", 0, "Created"))
	const writers = 8
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() { _, errs[i] = s.Append(testCtx(t), "a1", 1, batch("a1", 1, "Renamed", "Moved")) })
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, eventstore.ErrConflict):
			t.Errorf("loser got %v, want ErrConflict", err)
		}
	}
	if got, _ := s.Load(testCtx(t), "a1", 0); wins != 1 || len(got) != 3 {
		t.Fatalf("%d winners and %d stored events, want 1 winner and 3 events", wins, len(got))
	}
}

func testConflict(t *testing.T, b Backend) {
	s := open(t, b)
	mustAppend(t, s, "a1", 0, batch("a1", 0, "Created", "Renamed"))
	for _, expected := range []uint64{0, 1, 3} {
		_, err := s.Append(testCtx(t), "a1", expected, batch("a1", expected, "Moved"))
		if !errors.Is(err, eventstore.ErrConflict) {
			t.Fatalf("append at version %d of a version-2 aggregate: %v, want ErrConflict", expected, err)
		}
	}
	if n := lastSeq(t, s); n != 2 {
		t.Fatalf("conflicts stored events: last sequence %d", n)
	}
	mustAppend(t, s, "a1", 2, batch("a1", 2, "Moved"))
}

func testRetryStoredOnce(t *testing.T, b Backend) {
	s := open(t, b)
	events := batch("a1", 0, "Created", "Renamed")
	orig := mustAppend(t, s, "a1", 0, events)
	mustAppend(t, s, "b2", 0, batch("b2", 0, "Created"))
	retry := mustAppend(t, s, "a1", 0, events)
	if !retry.Duplicate || retry.Version != orig.Version || retry.FirstSequence != orig.FirstSequence ||
		retry.LastSequence != orig.LastSequence || len(retry.EventIDs) != 2 || retry.EventIDs[0] != events[0].MessageID {
		t.Fatalf("retry result %+v, original %+v", retry, orig)
	}
	if n := lastSeq(t, s); n != 3 {
		t.Fatalf("retry stored events again: last sequence %d, want 3", n)
	}
}

func testTooLarge(t *testing.T, b Backend) {
	s := open(t, b)
	limit := eventstore.DefaultMaxPayload
	atLimit := batch("a1", 0, "Created")
	atLimit[0].Payload = jsonString(limit)
	mustAppend(t, s, "a1", 0, atLimit)
	over := batch("a1", 1, "Renamed", "Moved")
	over[1].Payload = jsonString(limit + 1)
	if _, err := s.Append(testCtx(t), "a1", 1, over); !errors.Is(err, eventstore.ErrTooLarge) {
		t.Fatalf("payload of %d bytes: %v, want ErrTooLarge", limit+1, err)
	}
	if n := lastSeq(t, s); n != 1 {
		t.Fatalf("refused batch stored events: last sequence %d", n)
	}
	sameEvents(t, readAll(t, s, 0, ""), atLimit)
}

// jsonString is a JSON string of exactly n bytes.
func jsonString(n int) []byte { return []byte(`"` + strings.Repeat("x", n-2) + `"`) }

func testInvalid(t *testing.T, b Backend) {
	s := open(t, b)
	cases := map[string]func([]message.Event) (string, uint64, []message.Event){
		"empty":            func([]message.Event) (string, uint64, []message.Event) { return "a1", 0, nil },
		"version gap":      func(e []message.Event) (string, uint64, []message.Event) { return "a1", 1, e },
		"other aggregate":  func(e []message.Event) (string, uint64, []message.Event) { return "b2", 0, e },
		"dotted aggregate": func(e []message.Event) (string, uint64, []message.Event) { return "a.1", 0, e },
		"other domain":     set(func(e *message.Event) { e.Domain = "other" }),
		"bad type":         set(func(e *message.Event) { e.Type = "Re named" }),
		"wildcard type":    set(func(e *message.Event) { e.Type = ">" }),
		"no message id":    set(func(e *message.Event) { e.MessageID = uuid.Nil }),
		"payload not JSON": set(func(e *message.Event) { e.Payload = []byte("{nope") }),
		"no time":          set(func(e *message.Event) { e.Time = e.Time.AddDate(-3000, 0, 0) }),
		"over MaxBatch": func([]message.Event) (string, uint64, []message.Event) {
			types := make([]string, eventstore.MaxBatch+1)
			for i := range types {
				types[i] = "Moved"
			}
			return "a1", 0, batch("a1", 0, types...)
		},
		"id twice": func(e []message.Event) (string, uint64, []message.Event) {
			e[1].Identity = e[0].Identity
			return "a1", 0, e
		},
	}
	for name, mutate := range cases {
		agg, expected, events := mutate(batch("a1", 0, "Created", "Renamed"))
		if _, err := s.Append(testCtx(t), agg, expected, events); !errors.Is(err, eventstore.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if n := lastSeq(t, s); n != 0 {
		t.Fatalf("invalid batches stored events: last sequence %d", n)
	}
}

// set changes the second event of a valid a1 batch.
func set(change func(*message.Event)) func([]message.Event) (string, uint64, []message.Event) {
	return func(e []message.Event) (string, uint64, []message.Event) {
		change(&e[1])
		return "a1", 0, e
	}
}
