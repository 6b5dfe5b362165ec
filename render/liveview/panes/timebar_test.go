package panes

import (
	"testing"
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/timeline"
)

func barOf(s *State) barGeom { return barGeomOf(s.Layout(area).Bar) }

// Stepping back leaves live: the banner shows, Seek reports the past;
// Live returns.
func TestStepBackAndLive(t *testing.T) {
	tl := history(t, 500)
	s := newState(logOf(10), tl)
	s.Update(clickAt(centre(barOf(s).back)), area)
	if seq, past := s.Seek(); seq != 499 || !past {
		t.Fatalf("one step back: Seek() = %d, %v", seq, past)
	}
	if l := s.Layout(area); l.Banner.W == 0 {
		t.Fatal("no banner in the past")
	}
	s.Update(clickAt(centre(barOf(s).fwd)), area)
	s.Update(clickAt(centre(barOf(s).back)), area)
	s.Update(clickAt(centre(barOf(s).live)), area)
	if seq, past := s.Seek(); seq != 500 || past {
		t.Fatalf("Live: Seek() = %d, %v", seq, past)
	}
}

// Keys work over the bar only: over the canvas they are the editor's.
func TestBarKeys(t *testing.T) {
	tl := history(t, 100)
	s := newState(logOf(10), tl)
	if s.Update(keys(300, 300, ecs.KeyLeft), area); !tl.Live() {
		t.Fatal("← over the canvas moved the timeline")
	}
	x, y := centre(barOf(s).label)
	s.Update(keys(x, y, ecs.KeyLeft, ecs.KeyLeft, ecs.KeyLeft, ecs.KeyRight), area)
	if tl.Sequence() != 98 {
		t.Fatalf("←←←→ over the bar: #%d, want #98", tl.Sequence())
	}
	s.Update(keys(x, y, ecs.KeyEnd), area)
	if !tl.Live() {
		t.Fatal("End over the bar did not return to live")
	}
}

// Playback at 10x seeks to PlaybackTarget of the ticks' summed DT, and
// stops when it reaches live.
func TestPlayback(t *testing.T) {
	tl := history(t, 2000)
	s := newState(logOf(10), tl)
	tl.Seek(1000)
	g := barOf(s)
	s.Update(clickAt(centre(g.speeds[1])), area)
	s.Update(clickAt(centre(g.play)), area)
	tick := at(300, 300)
	tick.DT = 0.125 // exact in binary: 8 ticks are 1 s
	for range 8 {
		s.Update(tick, area)
	}
	if want := tl.PlaybackTarget(1000, 10, time.Second); tl.Sequence() != want || want <= 1000 {
		t.Fatalf("1 s at 10x from #1000: #%d, want #%d", tl.Sequence(), want)
	}
	for range 10_000 {
		if s.Update(tick, area); !s.Bar.Playing {
			break
		}
	}
	if s.Bar.Playing || !tl.Live() {
		t.Fatalf("playback went on past live: playing %v at #%d", s.Bar.Playing, tl.Sequence())
	}
}

// Dragging the slider seeks along [1, last]; the drag is the panels'
// even when the pointer leaves the bar.
func TestSliderDrag(t *testing.T) {
	tl := history(t, 1000)
	s := newState(logOf(10), tl)
	g := barOf(s)
	x0, x1 := g.track()
	_, y := centre(g.slider)
	s.Update(clickAt(x0, y), area)
	if tl.Sequence() != 1 {
		t.Fatalf("pressed at the track's start: #%d", tl.Sequence())
	}
	drag := at((x0+x1)/2, y-200)
	drag.Held = ecs.ButtonLeft
	if !s.Update(drag, area) {
		t.Fatal("a drag that left the bar was not consumed")
	}
	if seq := tl.Sequence(); seq < 495 || seq > 505 {
		t.Fatalf("the middle of the track is #%d", seq)
	}
	s.Update(at((x0+x1)/2, y-200), area)
	s.Update(at(x1, y-200), area)
	if seq := tl.Sequence(); seq < 495 || seq > 505 {
		t.Fatalf("after release the slider still follows: #%d", seq)
	}
}

func TestSliderMapping(t *testing.T) {
	g := barGeomOf(barOf(newState(logOf(1), nil)).slider)
	x0, x1 := g.track()
	for _, last := range []uint64{1, 2, 7, 1000, 1 << 40} {
		for _, seq := range []uint64{1, last / 2, last} {
			if seq == 0 {
				continue
			}
			if got := g.seqAt(g.xOf(seq, last), last); got != seq && last < 1000 {
				t.Errorf("last %d: seqAt(xOf(%d)) = %d", last, seq, got)
			}
		}
		if g.seqAt(x0-50, last) != 1 || g.seqAt(x1+50, last) != last {
			t.Errorf("last %d: the track's ends are not #1 and #last", last)
		}
	}
	if g.seqAt(x0, 0) != 0 {
		t.Error("an empty history has a sequence on the track")
	}
}

// Without a timeline the bar says so and nothing moves.
func TestNoHistory(t *testing.T) {
	s := newState(logOf(1), nil)
	s.Update(clickAt(centre(barOf(s).back)), area)
	if seq, past := s.Seek(); seq != 0 || past {
		t.Fatalf("Seek() = %d, %v without a timeline", seq, past)
	}
	empty, _ := timeline.New(nil)
	s = newState(logOf(1), empty)
	s.Update(keys(20, 780, ecs.KeyLeft, ecs.KeySpace), area)
	if _, past := s.Seek(); past {
		t.Fatal("an empty timeline went into the past")
	}
}
