package eventlog

import (
	"errors"
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/subject"
)

func entry(subj, typ, body string) Entry {
	return Entry{Subject: subj, Type: typ, Body: []byte(body)}
}

func TestFilterSubjectFollowsNATSWildcards(t *testing.T) {
	tests := []struct {
		pattern, subject string
		want             bool
	}{
		{"cim.graph.evt.g1.node-added", "cim.graph.evt.g1.node-added", true},
		{"cim.graph.evt.*.node-added", "cim.graph.evt.g1.node-added", true},
		{"cim.graph.evt.*", "cim.graph.evt.g1.node-added", false}, // '*' is one token
		{"cim.graph.evt.>", "cim.graph.evt.g1.node-added", true},
		{"cim.graph.evt.>", "cim.graph.evt", false}, // '>' needs at least one token
		{"cim.*.cmd.*", "cim.counter.cmd.create", true},
		{"cim.*.cmd.*", "cim.counter.qry.get", false},
		{">", "cim.counter.cmd.create", true},
		{"cim.gra*.>", "cim.graph.evt.g1.x", false}, // wildcards are whole tokens
		{"cim.graph", "cim.graph.evt", false},       // no prefix matching
		{"CIM.>", "cim.graph.evt.g1.x", false},      // case matters
	}
	for _, tt := range tests {
		f := Filter{Subject: tt.pattern}
		e := entry(tt.subject, "", "")
		if err := f.Validate(); err != nil {
			if tt.want {
				t.Errorf("%q refused: %v", tt.pattern, err)
			}
			continue
		}
		if got := f.Match(&e); got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pattern, tt.subject, got, tt.want)
		}
		if nats := server.SubjectMatchesFilter(tt.subject, tt.pattern); nats != tt.want {
			t.Errorf("table row %q on %q disagrees with nats-server (%v)", tt.pattern, tt.subject, nats)
		}
	}
}

func TestFilterRefusesPatternsNATSRefuses(t *testing.T) {
	for _, p := range []string{"cim.>.evt", "cim..evt", "cim. evt", "cim.evt."} {
		if err := (Filter{Subject: p}).Validate(); !errors.Is(err, ErrBadFilter) {
			t.Errorf("%q: got %v, want ErrBadFilter", p, err)
		}
	}
}

func TestFilterTypeAndText(t *testing.T) {
	e := Entry{Subject: "cim.graph.evt.g1.node-added", Type: "node-added", Aggregate: "g1",
		Headers: []Header{{"X-Correlation-ID", "0192-ABC"}}, Body: []byte(`{"label":"Ünïcode Café"}`)}
	tests := []struct {
		name string
		f    Filter
		want bool
	}{
		{"empty filter passes all", Filter{}, true},
		{"exact type", Filter{Type: "node-added"}, true},
		{"type is not a prefix match", Filter{Type: "node"}, false},
		{"text in body ignores case", Filter{Text: "CAFÉ"}, true},
		{"text in header value", Filter{Text: "0192-abc"}, true},
		{"text in aggregate", Filter{Text: "G1"}, true},
		{"text absent", Filter{Text: "edge"}, false},
		{"all fields must pass", Filter{Subject: "cim.graph.>", Type: "node-added", Text: "nope"}, false},
		{"all fields pass", Filter{Subject: "cim.graph.>", Type: "node-added", Text: "label"}, true},
	}
	for _, tt := range tests {
		if got := tt.f.Match(&e); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

// The split-once matcher agrees with domains/subject on any subject and
// any valid pattern drawn from a small alphabet of tokens.
func TestMatchTokensAgreesWithSubjectMatch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tokens := []string{"cim", "a", "b", "*", ">", "", " ", "x*"}
		draw := func(label string) string {
			n := rapid.IntRange(1, 5).Draw(t, label+"-len")
			parts := make([]string, n)
			for i := range parts {
				parts[i] = rapid.SampledFrom(tokens).Draw(t, label)
			}
			return strings.Join(parts, ".")
		}
		pattern, subj := draw("pattern"), draw("subject")
		if pattern == "" || (Filter{Subject: pattern}).Validate() != nil { // "" is the filter's "any"
			return
		}
		e := Entry{Subject: subj}
		if got, want := (Filter{Subject: pattern}).Match(&e), subject.Match(pattern, subj); got != want {
			t.Fatalf("%q on %q: %v, subject.Match says %v", pattern, subj, got, want)
		}
	})
}
