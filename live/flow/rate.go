package flow

import (
	"math"
	"time"
)

// rate is an exponentially decayed per-second rate: value at time at.
type rate struct {
	value float64
	at    time.Time
}

// add counts one message at time at (tau in seconds). A message older
// than the last one counts as if it came with it.
func (r *rate) add(at time.Time, tau float64) {
	if r.at.IsZero() || at.After(r.at) {
		r.value = r.valueAt(at, tau)
		r.at = at
	}
	r.value += 1 / tau
}

// valueAt is the rate at now, decayed since the last message.
func (r *rate) valueAt(now time.Time, tau float64) float64 {
	if r.at.IsZero() {
		return r.value
	}
	dt := max(now.Sub(r.at).Seconds(), 0)
	return r.value * math.Exp(-dt/tau)
}
