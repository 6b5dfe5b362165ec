package message

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"pgregory.net/rapid"
)

// A Publisher's reusing encoder must write exactly what a one-off
// encoding writes, whatever it remembered from the events before.
func TestReusingEncoderMatchesOneOff(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ids := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) uuid.UUID {
			var u uuid.UUID
			copy(u[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "id"))
			return u
		}), 1, 3).Draw(t, "ids")
		base := rapid.Int64Range(-70000000000, 250000000000).Draw(t, "base") // years ~ -250 to 9900
		enc := encoder{reuse: true}
		for i, n := 0, rapid.IntRange(1, 8).Draw(t, "n"); i < n; i++ {
			e := Event{Domain: "d", Type: "T", AggregateID: "a", Version: rapid.Uint64().Draw(t, "v"),
				Time: time.Unix(base+rapid.Int64Range(0, 2).Draw(t, "dsec"), rapid.Int64Range(0, 999999999).Draw(t, "ns"))}
			e.MessageID = rapid.SampledFrom(ids).Draw(t, "mid")
			e.CorrelationID = rapid.SampledFrom(ids).Draw(t, "corr")
			e.CausationID = rapid.SampledFrom(ids).Draw(t, "cause")
			if got, want := enc.encode(e), encodeEvent(nil, e); got != want {
				t.Fatalf("event %d: reusing encoder wrote %+v, one-off %+v", i, got, want)
			}
		}
	})
}

func TestFractionDropsTrailingZeros(t *testing.T) {
	for ns, want := range map[int]string{1: "000000001", 500000000: "5", 120000: "00012", 999999999: "999999999"} {
		if got := string(appendFraction(nil, ns)); got != want {
			t.Errorf("%d ns: %q, want %q", ns, got, want)
		}
	}
}
