package message

import (
	"encoding/binary"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

// idClock is the generator's state: the last issued (unix ms << counterBits |
// counter). Every ID takes the next value with a compare-and-swap, so IDs from
// all goroutines are unique within the process and strictly increasing.
var idClock atomic.Uint64

// counterBits is the width of the per-millisecond counter: rand_a (12 bits)
// plus the top 10 bits of rand_b. That is 4M IDs per millisecond before the
// clock is borrowed from the next one (RFC 9562 §6.2, method 1).
const counterBits = 22

// NewID returns a UUIDv7: 48 bits of Unix milliseconds, a 22-bit monotonic
// counter and 52 random bits. IDs sort by creation time, are unique across
// goroutines, and cost a monotonic clock read, a CAS and a cheap random
// number.
func NewID() uuid.UUID { return newIDAtMilli(unixMilli()) }

// epoch anchors the monotonic clock to the wall clock once: reading only
// the monotonic clock costs about half of time.Now, which reads both, and
// it never steps backwards when the wall clock is adjusted.
var epoch = time.Now()

func unixMilli() int64 {
	return epoch.UnixMilli() + int64(time.Since(epoch)/time.Millisecond)
}

// newIDAt is NewID with the clock already read (clock reads are a large
// part of an ID's cost, so an event's ID and time share one).
func newIDAt(t time.Time) uuid.UUID { return newIDAtMilli(t.UnixMilli()) }

func newIDAtMilli(ms int64) uuid.UUID {
	now := uint64(ms) << counterBits
	var next uint64
	for {
		last := idClock.Load()
		next = max(now, last+1)
		if idClock.CompareAndSwap(last, next) {
			break
		}
	}
	return fromClock(next, rand.Uint64())
}

// fromClock lays out a UUIDv7 in two 64-bit stores: 48 bits of
// milliseconds, version 7, counter bits 21..10; then variant 10, counter
// bits 9..0 and 52 random bits.
func fromClock(clock, random uint64) uuid.UUID {
	ms := clock >> counterBits
	counter := clock & (1<<counterBits - 1)
	hi := ms<<16 | 0x7000 | (counter>>10)&0xfff
	lo := 0x8000_0000_0000_0000 | (counter&0x3ff)<<52 | random&(1<<52-1)
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], hi)
	binary.BigEndian.PutUint64(u[8:], lo)
	return u
}

// IDTime returns the creation time encoded in a UUIDv7.
func IDTime(u uuid.UUID) time.Time {
	ms := int64(u[0])<<40 | int64(u[1])<<32 | int64(u[2])<<24 | int64(u[3])<<16 | int64(u[4])<<8 | int64(u[5])
	return time.UnixMilli(ms)
}
