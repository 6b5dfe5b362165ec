package pattern

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/subject"
)

func TestMatchTable(t *testing.T) {
	tests := []struct {
		pattern, subject string
		want             bool
	}{
		{"cim.graph.evt.>", "cim.graph.evt.g1.node-added", true},
		{"cim.graph.evt.>", "cim.graph.evt", false},
		{"cim.*.cmd.*", "cim.counter.cmd.create", true},
		{"cim.*.cmd.*", "cim.counter.cmd.create.more", false},
		{">", "a", true},
		{"a.b", "a.b", true},
		{"a.b", "a.b.c", false},
		{"a.*", "a.", false},   // an empty token is no subject
		{"a.*", "a. x", false}, // nor is whitespace
	}
	for _, tt := range tests {
		p, err := Compile(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Match(tt.subject); got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pattern, tt.subject, got, tt.want)
		}
	}
	if _, err := Compile("a.>.b"); !errors.Is(err, subject.ErrInvalid) {
		t.Fatalf("bad pattern compiled: %v", err)
	}
	if (Pattern{}).Match("a") {
		t.Fatal("the zero pattern matched")
	}
}

// Compiled matching agrees with domains/subject.Match everywhere.
func TestAgreesWithSubjectMatch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tokens := []string{"cim", "a", "b", "*", ">", "", " ", "x*", "é"}
		draw := func(label string) string {
			parts := make([]string, rapid.IntRange(1, 5).Draw(t, label+"-len"))
			for i := range parts {
				parts[i] = rapid.SampledFrom(tokens).Draw(t, label)
			}
			return strings.Join(parts, ".")
		}
		src, subj := draw("pattern"), draw("subject")
		p, err := Compile(src)
		if err != nil {
			return
		}
		if got, want := p.Match(subj), subject.Match(src, subj); got != want {
			t.Fatalf("%q on %q: %v, subject.Match says %v", src, subj, got, want)
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	p, _ := Compile("cim.graph.evt.*.node-moved")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.Match("cim.graph.evt.g42.node-moved")
	}
}
