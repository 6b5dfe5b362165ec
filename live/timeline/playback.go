package timeline

import (
	"sort"
	"time"
)

// Playback speeds: 1x is the pace the events were recorded at.
const (
	MinSpeed = 1.0
	MaxSpeed = 100.0
)

// UntimedPace is the gap playback puts before a record with no time (10
// events a second at 1x).
const UntimedPace = 100 * time.Millisecond

// PlaybackTarget is the sequence that playback started at sequence from
// reaches after elapsed wall time at speed (clamped to MinSpeed..
// MaxSpeed): the last record recorded no later than from's record time
// plus elapsed × speed. It never goes back before from. It reads no
// clock and moves nothing, so the editor calls it every frame with the
// time since Play was pressed and seeks to the answer. Quiet stretches
// of the history play out at the same speed.
func (t *Timeline) PlaybackTarget(from uint64, speed float64, elapsed time.Duration) uint64 {
	if len(t.recs) == 0 {
		return from
	}
	start := sort.Search(len(t.recs), func(i int) bool { return t.recs[i].Seq > from })
	origin := t.latest[max(start-1, 0)]
	speed = max(MinSpeed, min(speed, MaxSpeed))
	until := origin.Add(time.Duration(float64(elapsed) * speed))
	pos := sort.Search(len(t.latest), func(i int) bool { return t.latest[i].After(until) })
	if pos <= start {
		return from
	}
	return t.seqAt(pos)
}
