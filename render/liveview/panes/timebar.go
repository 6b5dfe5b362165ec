package panes

import (
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/canvas"
)

// Speeds the bar offers, as multiples of the recorded pace.
var Speeds = [3]float64{1, 10, 100}

// TimeBar is the timeline bar: step one event either way, play at a
// speed, drag the slider over [1, last], return to live. It moves the
// timeline's cursor; playback seeks to [timeline.Timeline.PlaybackTarget]
// of the time since Play, read from the ticks' DT (no clock).
type TimeBar struct {
	tl       *timeline.Timeline // nil: no history to travel
	Playing  bool
	Speed    float64
	from     uint64  // sequence playback started at
	elapsed  float64 // seconds of playback since from
	dragging bool
	hover    canvas.Vec
}

func newTimeBar(tl *timeline.Timeline) *TimeBar { return &TimeBar{tl: tl, Speed: Speeds[0]} }

// Seek is the sequence the timeline shows and whether it is in the past.
func (tb *TimeBar) Seek() (uint64, bool) {
	if tb.tl == nil {
		return 0, false
	}
	return tb.tl.Sequence(), !tb.tl.Live()
}

func (tb *TimeBar) update(in *ecs.Input, r canvas.Rect, over bool) {
	if tb.tl == nil {
		return
	}
	tb.play(dtOf(in)) // before the controls: the tick Play is pressed on plays nothing
	g := barGeomOf(r)
	m := mouse(in)
	tb.hover = m
	if over && in.Pressed.Has(ecs.ButtonLeft) {
		tb.click(g, m)
	}
	if over {
		tb.keys(in)
	}
	tb.drag(in, g)
}

func (tb *TimeBar) click(g barGeom, m canvas.Vec) {
	switch {
	case g.back.Contains(m):
		tb.Step(-1)
	case g.fwd.Contains(m):
		tb.Step(1)
	case g.play.Contains(m):
		tb.TogglePlay()
	case g.live.Contains(m):
		tb.Live()
	case g.slider.Contains(m):
		tb.dragging, tb.Playing = true, false
	}
	for i, s := range g.speeds {
		if s.Contains(m) {
			tb.SetSpeed(Speeds[i])
		}
	}
}

// keys over the bar: ←/→ step, Space plays or pauses, End goes live.
func (tb *TimeBar) keys(in *ecs.Input) {
	for _, k := range in.Keys {
		switch k.Key {
		case ecs.KeyLeft:
			tb.Step(-1)
		case ecs.KeyRight:
			tb.Step(1)
		case ecs.KeySpace:
			tb.TogglePlay()
		case ecs.KeyEnd:
			tb.Live()
		}
	}
}

func (tb *TimeBar) drag(in *ecs.Input, g barGeom) {
	if !tb.dragging {
		return
	}
	tb.tl.Seek(g.seqAt(float32(in.MouseX), tb.tl.LastSequence()))
	if !in.Held.Has(ecs.ButtonLeft) {
		tb.dragging = false
	}
}

// Step moves one event back (n < 0) or forward and stops playback.
func (tb *TimeBar) Step(n int) {
	tb.Playing = false
	tb.tl.Step(n)
}

// Live returns to the newest event and stops playback.
func (tb *TimeBar) Live() {
	tb.Playing = false
	tb.tl.ReturnToLive()
}

// TogglePlay starts or stops playback; started at live, it plays the
// history from its start.
func (tb *TimeBar) TogglePlay() {
	tb.Playing = !tb.Playing
	if tb.Playing && tb.tl.Live() {
		tb.tl.SeekPosition(0)
	}
	tb.from, tb.elapsed = tb.tl.Sequence(), 0
}

// SetSpeed changes the playback speed (playback goes on from where it is).
func (tb *TimeBar) SetSpeed(s float64) {
	tb.Speed = s
	tb.from, tb.elapsed = tb.tl.Sequence(), 0
}

// play advances playback by dt seconds; it stops on reaching live.
func (tb *TimeBar) play(dt float64) {
	if !tb.Playing {
		return
	}
	tb.elapsed += dt
	d := time.Duration(tb.elapsed * float64(time.Second))
	tb.tl.Seek(tb.tl.PlaybackTarget(tb.from, tb.Speed, d))
	if tb.tl.Live() {
		tb.Playing = false
	}
}
