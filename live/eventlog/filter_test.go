package eventlog

import (
	"errors"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
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
