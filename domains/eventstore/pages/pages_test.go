package pages_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/message"
)

func genEvents(t *rapid.T) []message.Event {
	n := rapid.IntRange(0, 30).Draw(t, "n")
	out := make([]message.Event, n)
	seq := uint64(0)
	for i := range out {
		seq += rapid.Uint64Range(1, 3).Draw(t, "gap")
		e := message.NewEvent(message.NewRoot(), "graph", rapid.SampledFrom([]string{"node_moved", "node_added"}).Draw(t, "type"),
			rapid.StringMatching(`[a-z][a-z0-9-]{0,12}`).Draw(t, "aggregate"), uint64(i+1), nil)
		e.Sequence = seq
		e.Time = time.Unix(0, rapid.Int64Range(-1<<60, 1<<60).Draw(t, "time")).UTC()
		if rapid.Bool().Draw(t, "payload") {
			e.Payload = []byte(rapid.StringMatching(`\{"x":[0-9]{1,6}\}`).Draw(t, "body"))
		}
		if rapid.IntRange(0, 4).Draw(t, "chained") == 0 {
			e.Chain = &message.Chain{Index: 1, Count: 2}
		}
		out[i] = e
	}
	return out
}

func encode(events []message.Event) []byte {
	var body []byte
	for _, e := range events {
		body = pages.AppendEvent(body, e)
	}
	return pages.Encode(len(events), body)
}

func same(t *rapid.T, got, want []message.Event) {
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Identity != w.Identity || g.Type != w.Type || g.AggregateID != w.AggregateID || g.Version != w.Version ||
			g.Sequence != w.Sequence || !g.Time.Equal(w.Time) || !bytes.Equal(g.Payload, w.Payload) || !reflect.DeepEqual(g.Chain, w.Chain) || g.Domain != "graph" {
			t.Fatalf("event %d: got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestPageRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		events := genEvents(t)
		got, err := pages.Decode("graph", encode(events))
		if err != nil {
			t.Fatal(err)
		}
		same(t, got, events)
	})
}

// Windows of a log, read one after the other from the first sequence,
// hand back every event kept, in order, each within its byte budget.
func TestLogWindowsCoverTheLog(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		events := genEvents(t)
		limit := rapid.IntRange(1, 4000).Draw(t, "limit")
		budget := rapid.IntRange(200, 2000).Draw(t, "budget")
		l := pages.NewLog(limit)
		kept, size := 0, 0 // the longest prefix that fits the limit
		for _, e := range events {
			l.Add(e)
			if n := len(pages.AppendEvent(nil, e)); kept < len(events) && size+n <= limit && events[kept].Sequence == e.Sequence {
				kept, size = kept+1, size+n
			}
		}
		var got []message.Event
		for from := uint64(1); ; {
			w := l.Window(from, budget)
			if w.Page == nil {
				break
			}
			if len(w.Page) > budget+16 {
				t.Fatalf("page of %d bytes for a budget of %d", len(w.Page), budget)
			}
			evs, err := pages.Decode("graph", w.Page)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, evs...)
			from = w.Last + 1
		}
		same(t, got, events[:kept])
		if l.Len() != kept {
			t.Fatalf("log holds %d events, want %d", l.Len(), kept)
		}
	})
}

func TestDecodeRefusesBrokenPages(t *testing.T) {
	good := encode([]message.Event{message.NewEvent(message.NewRoot(), "graph", "node_added", "g", 1, []byte(`{}`))})
	for name, page := range map[string][]byte{
		"empty":        nil,
		"other format": append([]byte{9}, good[1:]...),
		"cut short":    good[:len(good)-3],
		"trailing":     append(append([]byte{}, good...), 0),
		"huge count":   {1, 0xff, 0xff, 0xff, 0xff, 0x0f},
	} {
		if _, err := pages.Decode("graph", page); !errors.Is(err, pages.ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode([]message.Event{message.NewEvent(message.NewRoot(), "graph", "node_added", "g", 1, []byte(`{"x":1}`))}))
	f.Add([]byte{1, 0})
	f.Add([]byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, page []byte) {
		events, err := pages.Decode("graph", page)
		if err != nil {
			if !errors.Is(err, pages.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		again, err := pages.Decode("graph", encode(events))
		if err != nil || len(again) != len(events) {
			t.Fatalf("a decoded page does not encode back: %v", err)
		}
	})
}

func TestWindowWireRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		events := genEvents(t)
		w := pages.Window{Last: rapid.Uint64().Draw(t, "last"), Kept: rapid.Uint64().Draw(t, "kept"), Full: rapid.Bool().Draw(t, "full")}
		if len(events) > 0 {
			w.Page = encode(events)
		}
		got, err := pages.DecodeWindow(w.Binary())
		if err != nil || got.Last != w.Last || got.Kept != w.Kept || got.Full != w.Full || !bytes.Equal(got.Page, w.Page) {
			t.Fatalf("window %+v came back as %+v (%v)", w, got, err)
		}
	})
}

func FuzzDecodeWindow(f *testing.F) {
	f.Add(pages.Window{Last: 3, Kept: 9, Full: true}.Binary())
	f.Add([]byte{2, 0, 0, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		w, err := pages.DecodeWindow(b)
		if err != nil {
			if !errors.Is(err, pages.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		if again, err := pages.DecodeWindow(w.Binary()); err != nil || again.Last != w.Last || !bytes.Equal(again.Page, w.Page) {
			t.Fatalf("a decoded window does not encode back: %+v, %v", again, err)
		}
	})
}
