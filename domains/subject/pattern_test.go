package subject

import (
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"pgregory.net/rapid"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, subject string
		want             bool
	}{
		{"cim.graph.cmd.add", "cim.graph.cmd.add", true},
		{"cim.graph.cmd.*", "cim.graph.cmd.add", true},
		{"cim.graph.cmd.*", "cim.graph.cmd", false},
		{"cim.graph.cmd.*", "cim.graph.cmd.add.more", false},
		{"cim.*.cmd.*", "cim.graph.cmd.add", true},
		{"cim.>", "cim.graph.evt.g1.added", true},
		{"cim.>", "cim", false},
		{">", "anything.at.all", true},
		{"cim.graph.evt.>", "cim.graph.evt", false},
		{"cim.graph.evt.g1.*", "cim.graph.evt.g2.added", false},
		{"cim.a*.cmd", "cim.ab.cmd", false},
		{"cim.>.x", "cim.a.x", false},
		{"cim.graph.cmd.*", "cim.graph.cmd.*", false},
		{"cim..cmd", "cim..cmd", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.subject); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.subject, got, tt.want)
		}
	}
}

func TestValidatePatternNamesTheBadToken(t *testing.T) {
	tests := map[string]string{
		"cim.>.x":    "'>' must be the last token",
		"cim.a b.>":  `"a b" contains whitespace`,
		"cim..x":     "token 2 of pattern",
		"cim.a*.cmd": `"a*" contains the wildcard`,
	}
	for in, want := range tests {
		if err := ValidatePattern(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidatePattern(%q) = %v, want mention of %q", in, err, want)
		}
	}
}

// tokens draws a small alphabet so that random patterns often meet.
func literalGen() *rapid.Generator[[]string] {
	return rapid.SliceOfN(rapid.SampledFrom([]string{"a", "b", "cim"}), 1, 5)
}

func patternGen() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		toks := rapid.SliceOfN(rapid.SampledFrom([]string{"a", "b", "*"}), 0, 4).Draw(t, "toks")
		last := rapid.SampledFrom([]string{"a", "*", ">"}).Draw(t, "last")
		return strings.Join(append(toks, last), ".")
	})
}

func TestMatchAgreesWithNATS(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		subj := strings.Join(literalGen().Draw(t, "subject"), ".")
		pat := patternGen().Draw(t, "pattern")
		if got, want := Match(pat, subj), server.SubjectMatchesFilter(subj, pat); got != want {
			t.Fatalf("Match(%q, %q) = %v, nats-server says %v", pat, subj, got, want)
		}
	})
}

func TestWithinAndOverlapAgreeWithNATS(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := patternGen().Draw(t, "a"), patternGen().Draw(t, "b")
		if got, want := Within(a, b), server.SubjectMatchesFilter(a, b); got != want {
			t.Fatalf("Within(%q, %q) = %v, nats-server says %v", a, b, got, want)
		}
		if got, want := Overlap(a, b), server.SubjectsCollide(a, b); got != want {
			t.Fatalf("Overlap(%q, %q) = %v, nats-server says %v", a, b, got, want)
		}
	})
}

// A subject both patterns match proves they overlap; Within means every
// match of the inner one matches the outer one.
func TestWithinAndOverlapAgreeWithMatch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := patternGen().Draw(t, "a"), patternGen().Draw(t, "b")
		subj := strings.Join(literalGen().Draw(t, "subject"), ".")
		if Match(a, subj) && Match(b, subj) && !Overlap(a, b) {
			t.Fatalf("%q matches %q and %q, but Overlap says no", subj, a, b)
		}
		if Within(a, b) && Match(a, subj) && !Match(b, subj) {
			t.Fatalf("Within(%q, %q) but %q matches only the first", a, b, subj)
		}
	})
}
