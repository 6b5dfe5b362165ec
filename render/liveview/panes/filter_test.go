package panes

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/live/eventlog"
)

func TestParseFilter(t *testing.T) {
	for _, c := range []struct {
		in   string
		want eventlog.Filter
		err  error
	}{
		{"", eventlog.Filter{}, nil},
		{"cim.graph.evt.>", eventlog.Filter{Subject: "cim.graph.evt.>"}, nil},
		{"type:node_moved", eventlog.Filter{Type: "node_moved"}, nil},
		{"  node-42  ", eventlog.Filter{Text: "node-42"}, nil},
		{"cim.*.evt.> type:node_moved order 7", eventlog.Filter{Subject: "cim.*.evt.>", Type: "node_moved", Text: "order 7"}, nil},
		{"subject:orders text:a.b", eventlog.Filter{Subject: "orders", Text: "a.b"}, nil},
		{"text:", eventlog.Filter{}, nil},
		{"a.b c.d", eventlog.Filter{}, ErrFilterSyntax},
		{"type:a type:b", eventlog.Filter{}, ErrFilterSyntax},
		{"cim..evt", eventlog.Filter{}, eventlog.ErrBadFilter},
		{"cim.>.evt", eventlog.Filter{}, eventlog.ErrBadFilter},
	} {
		got, err := ParseFilter(c.in)
		if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
			t.Errorf("ParseFilter(%q) error %v, want %v", c.in, err, c.err)
		}
		if got != c.want {
			t.Errorf("ParseFilter(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

// What FormatFilter writes, ParseFilter reads back.
func TestFilterRoundTrip(t *testing.T) {
	word := rapid.StringMatching(`[a-z0-9_.:>*-]{1,8}`)
	rapid.Check(t, func(t *rapid.T) {
		f := eventlog.Filter{
			Subject: rapid.SampledFrom([]string{"", "cim.graph.evt.>", "cim.*.cmd.*", "orders"}).Draw(t, "subject"),
			Type:    rapid.StringMatching(`([a-z_]{1,10})?`).Draw(t, "type"),
			Text:    strings.Join(rapid.SliceOfN(word, 0, 3).Draw(t, "words"), " "),
		}
		got, err := ParseFilter(FormatFilter(f))
		if err != nil || got != f {
			t.Fatalf("ParseFilter(FormatFilter(%+v)) = %+v, %v", f, got, err)
		}
	})
}

// Whatever is typed, parsing never panics, and a filter it accepts the
// log accepts too.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "cim.graph.evt.>", "type:x y", "a.b c.d", "subject:", "text:a.b >", "\x00.*", "type:é 日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := ParseFilter(s)
		if err != nil {
			return
		}
		if err := eventlog.New().SetFilter(flt); err != nil {
			t.Fatalf("ParseFilter(%q) accepted %+v, the log refuses it: %v", s, flt, err)
		}
	})
}
