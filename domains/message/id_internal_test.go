package message

import (
	"bytes"
	"testing"

	"github.com/google/uuid"
	"pgregory.net/rapid"
)

// IDs from a later clock value (the state holds ms<<22 in 63 bits: good
// until 2109) sort after IDs from an earlier one, keep
// their millisecond, and are version 7 / RFC 4122 variant, whatever the
// random bits.
func TestFromClockOrdersAndEncodes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.Uint64Range(0, 1<<63-2).Draw(t, "a")
		b := rapid.Uint64Range(a+1, 1<<63-1).Draw(t, "b")
		ua, ub := fromClock(a, rapid.Uint64().Draw(t, "ra")), fromClock(b, rapid.Uint64().Draw(t, "rb"))
		if bytes.Compare(ua[:], ub[:]) >= 0 {
			t.Fatalf("clock %x gave %s, not before %s from clock %x", a, ua, ub, b)
		}
		for _, c := range []struct {
			u     uuid.UUID
			clock uint64
		}{{ua, a}, {ub, b}} {
			if c.u.Version() != 7 || c.u.Variant() != uuid.RFC4122 || uint64(IDTime(c.u).UnixMilli()) != c.clock>>counterBits {
				t.Fatalf("%s from clock %x: version %d variant %v ms %d", c.u, c.clock, c.u.Version(), c.u.Variant(), IDTime(c.u).UnixMilli())
			}
		}
	})
}
