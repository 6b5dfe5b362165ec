package eventstore_test

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/subject"
)

// The stores' allocation-free matcher agrees with subject.Match (itself
// checked against nats-server) on every valid pattern and subject.
func TestMatchAgreesWithSubjectMatch(t *testing.T) {
	tok := rapid.SampledFrom([]string{"cim", "flow", "evt", "a1", "b2", "Moved"})
	rapid.Check(t, func(t *rapid.T) {
		subj := strings.Join(rapid.SliceOfN(tok, 1, 6).Draw(t, "subject"), ".")
		pat := rapid.SliceOfN(rapid.OneOf(tok, rapid.Just("*")), 1, 6).Draw(t, "pattern")
		if rapid.Bool().Draw(t, "rest") {
			pat = append(pat, ">")
		}
		pattern := strings.Join(pat, ".")
		if got, want := eventstore.Match(pattern, subj), subject.Match(pattern, subj); got != want {
			t.Fatalf("Match(%q, %q) = %v, subject.Match says %v", pattern, subj, got, want)
		}
	})
}

func TestBadNamesAndFiltersAreErrInvalid(t *testing.T) {
	for _, err := range []error{
		eventstore.CheckToken("aggregate id", "a.b"),
		eventstore.CheckToken("event type", ""),
		eventstore.CheckFilter("cim.>.x"),
		eventstore.CheckFilter("cim..evt"),
	} {
		if !errors.Is(err, eventstore.ErrInvalid) {
			t.Errorf("%v does not wrap ErrInvalid", err)
		}
	}
	if err := eventstore.CheckFilter(""); err != nil {
		t.Errorf("empty filter: %v", err)
	}
}
