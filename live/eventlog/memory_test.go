package eventlog

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
)

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// A million messages with big bodies leave no more behind than the caps
// allow: entries × EntryBound, plus the filtered index.
func TestMemoryStaysBoundedOverAMillionEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("pushes a million events")
	}
	const capacity = 10_000
	before := heapInUse()
	l := New(WithCapacity(capacity), WithMaxBody(256))
	h := message.NewEvent(message.NewRoot(), "graph", "node-moved", "g1", 1, nil).Headers()
	body := []byte(`{"pad":"` + strings.Repeat("x", 4000) + `"}`)
	for i := range 1_000_000 {
		h.Set(message.HeaderAggregateVersion, strconv.Itoa(i))
		l.Push(FromMsg("cim.graph.evt.g1.node-moved", h, body, time.Time{}))
	}
	retained := heapInUse() - min(before, heapInUse())
	bound := uint64(capacity*l.Limits().EntryBound() + 2*capacity*8)
	if l.Len() != capacity || l.Total() != 1_000_000 {
		t.Fatalf("len %d total %d", l.Len(), l.Total())
	}
	if retained > bound {
		t.Fatalf("retained %d bytes after 1M pushes, bound %d", retained, bound)
	}
	t.Logf("retained %d bytes (%.0f per entry), bound %d", retained, float64(retained)/capacity, bound)
	runtime.KeepAlive(l)
}

func TestFromMsgReadsTheEnvelope(t *testing.T) {
	ev := message.NewEvent(message.NewRoot(), "graph", "node-added", "g1", 3, []byte(`{"id":"n1"}`))
	ev.Sequence = 42
	e := FromEvent(ev)
	if e.Kind != KindEvent || e.Type != "node-added" || e.Aggregate != "g1" || e.Sequence != 42 ||
		e.Identity != ev.Identity || !e.Time.Equal(ev.Time) || e.Subject != "cim.graph.evt.g1.node-added" {
		t.Fatalf("entry %+v from %+v", e, ev)
	}
	cmd := message.NewCommand("counter", "create", "c1", nil)
	c := FromMsg("cim.counter.cmd.create", cmd.Headers(), nil, time.Unix(5, 0))
	if c.Kind != KindCommand || c.Type != "create" || c.Identity.MessageID != cmd.MessageID || c.Time.Unix() != 5 {
		t.Fatalf("command entry %+v", c)
	}
	q := FromMsg("cim.counter.qry.get", nats.Header{}, nil, time.Time{})
	if q.Kind != KindQuery || q.Type != "get" {
		t.Fatalf("query entry %+v", q)
	}
}

func FuzzFromMsg(f *testing.F) {
	f.Add("cim.graph.evt.g1.x", "X-Event-Type", "x", "X-Message-ID", "not-a-uuid", []byte(`{}`))
	f.Add("$SRV.INFO", "X-Time", "2026-13-01", "", "", []byte{0xff})
	f.Add("", "", "", "X-Aggregate-ID", strings.Repeat("a", 500), []byte(nil))
	f.Fuzz(func(t *testing.T, subj, k1, v1, k2, v2 string, body []byte) {
		h := nats.Header{}
		h.Set(k1, v1)
		h.Set(k2, v2)
		l := New(WithCapacity(2), WithMaxBody(8))
		l.Push(FromMsg(subj, h, body, time.Time{}))
		e, ok := l.Row(0)
		if !ok || len(e.Body) > 8 || len(e.Subject) > MaxSubject || len(e.Type) > maxToken {
			t.Fatalf("entry over its caps: %+v", e)
		}
		(Filter{Text: v1}).Match(&e)
	})
}
