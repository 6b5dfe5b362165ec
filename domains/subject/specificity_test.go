package subject

import (
	"testing"

	"pgregory.net/rapid"
)

func TestCompareSpecificity(t *testing.T) {
	tests := []struct{ more, less string }{
		{"cim.graph.cmd.add", "cim.graph.cmd.*"},
		{"cim.graph.cmd.*", "cim.graph.>"},
		{"cim.graph.*.add", "cim.*.cmd.add"},
		{"cim.*.cmd.>", "cim.>"},
		{"cim.graph.evt.g1.*", "cim.graph.evt.>"},
		{"cim.a.b", "cim.a"},
	}
	for _, tt := range tests {
		if CompareSpecificity(tt.more, tt.less) <= 0 || CompareSpecificity(tt.less, tt.more) >= 0 {
			t.Errorf("want %q more specific than %q", tt.more, tt.less)
		}
	}
}

func TestCompareSpecificityIsATotalOrderExtendingWithin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := patternGen().Draw(t, "a"), patternGen().Draw(t, "b"), patternGen().Draw(t, "c")
		ab, ba := CompareSpecificity(a, b), CompareSpecificity(b, a)
		if sign(ab) != -sign(ba) || (ab == 0) != (a == b) {
			t.Fatalf("not antisymmetric: %q vs %q gives %d and %d", a, b, ab, ba)
		}
		if ab > 0 && CompareSpecificity(b, c) > 0 && CompareSpecificity(a, c) <= 0 {
			t.Fatalf("not transitive: %q > %q > %q", a, b, c)
		}
		if a != b && Within(a, b) && ab <= 0 {
			t.Fatalf("%q is within %q but not more specific", a, b)
		}
	})
}

func TestMostSpecific(t *testing.T) {
	rules := []string{"cim.>", "cim.graph.cmd.*", "cim.graph.>", "cim.graph.cmd.add", "cim.*.cmd.add"}
	tests := map[string]string{
		"cim.graph.cmd.add":    "cim.graph.cmd.add",
		"cim.graph.cmd.remove": "cim.graph.cmd.*",
		"cim.graph.evt.g.x":    "cim.graph.>",
		"cim.space.cmd.add":    "cim.*.cmd.add",
		"cim.space.evt.g.x":    "cim.>",
	}
	for subj, want := range tests {
		if got, ok := MostSpecific(rules, subj); !ok || got != want {
			t.Errorf("MostSpecific(%q) = %q, %v; want %q", subj, got, ok, want)
		}
	}
	if _, ok := MostSpecific(rules, "nats.x"); ok {
		t.Error("MostSpecific found a rule for a subject none matches")
	}
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
