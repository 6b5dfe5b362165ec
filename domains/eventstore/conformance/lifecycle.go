package conformance

import (
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

func testClosed(t *testing.T, b Backend) {
	s := open(t, b)
	fixture(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ctx := testCtx(t)
	_, appendErr := s.Append(ctx, "a1", 3, batch("a1", 3, "Moved"))
	_, loadErr := s.Load(ctx, "a1", 0)
	readErr := s.Read(ctx, 0, "", func(message.Event) error { return nil })
	_, followErr := s.Follow(ctx, 0, "", func(message.Event) {})
	_, lastErr := s.LastSequence(ctx)
	for name, err := range map[string]error{"append": appendErr, "load": loadErr, "read": readErr, "follow": followErr, "last sequence": lastErr} {
		if !errors.Is(err, eventstore.ErrClosed) {
			t.Errorf("%s on a closed store: %v, want ErrClosed", name, err)
		}
	}
}

func testReopen(t *testing.T, b Backend) {
	if !b.Persistent {
		t.Skip("backend does not persist")
	}
	s := open(t, b)
	all := fixture(t, s)
	retry := batch("d4", 0, "Created")
	mustAppend(t, s, "d4", 0, retry)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, b)
	sameEvents(t, readAll(t, s, 0, "cim.conf.evt.*.*")[:len(all)], all)
	if res := mustAppend(t, s, "d4", 0, retry); !res.Duplicate || res.FirstSequence != 8 {
		t.Fatalf("retry after reopen: %+v, want the original result", res)
	}
	loaded, err := s.Load(testCtx(t), "a1", 0)
	if err != nil || len(loaded) != 3 {
		t.Fatalf("load after reopen: %d events, %v", len(loaded), err)
	}
	res := mustAppend(t, s, "a1", 3, batch("a1", 3, "Deleted"))
	if res.FirstSequence != 9 || res.Version != 4 {
		t.Fatalf("append after reopen: %+v", res)
	}
}
