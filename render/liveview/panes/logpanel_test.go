package panes

import (
	"errors"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
)

// Clicking a row selects the entry drawn there; the causation card and
// the detail area appear.
func TestClickSelectsRow(t *testing.T) {
	s := newState(logOf(1000), nil)
	g := s.logGeomNow()
	x, _ := centre(g.rows)
	if !s.Update(clickAt(x, g.rows.Y+3*rowH+5), area) {
		t.Fatal("a click on the log was not consumed")
	}
	e, ok := s.Selected()
	want, _ := s.Log.log.Row(3)
	if !ok || e.Aggregate != want.Aggregate {
		t.Fatalf("selected %q, want row 3 %q", e.Aggregate, want.Aggregate)
	}
	if l := s.Layout(area); l.Causation.W == 0 {
		t.Fatal("no causation card with an entry selected")
	}
	s.Update(keys(x, g.rows.Y+5, ecs.KeyEscape), area)
	if _, ok := s.Selected(); ok {
		t.Fatal("Escape over the log kept the selection")
	}
}

// Typing into the field filters the log; a bad pattern is shown and the
// last good filter stays.
func TestTypingFilters(t *testing.T) {
	s := newState(logOf(300), nil)
	fx, fy := centre(s.logGeomNow().field)
	s.Update(clickAt(fx, fy), area)
	if !s.Update(typing("cim.graph.cmd.>"), area) {
		t.Fatal("typing into the focused field was not consumed")
	}
	if n := s.Log.log.Len(); n != 60 {
		t.Fatalf("cim.graph.cmd.> shows %d rows, want the 60 commands", n)
	}
	s.Update(typing(".x"), area)
	if !errors.Is(s.Log.FilterErr, eventlog.ErrBadFilter) {
		t.Fatalf("cim.graph.cmd.>.x: error %v", s.Log.FilterErr)
	}
	if f := s.Log.log.Filter(); f.Subject != "cim.graph.cmd.>" {
		t.Fatalf("a bad pattern replaced the filter: %+v", f)
	}
	for range 2 {
		s.Update(keys(1000, 300, ecs.KeyBackspace), area)
	}
	if s.Log.FilterErr != nil || s.Log.log.Len() != 60 {
		t.Fatalf("after backspacing: %v, %d rows", s.Log.FilterErr, s.Log.log.Len())
	}
	s.Update(clickAt(100, 100), area)
	if s.Log.Field.Focused || s.Update(typing("z"), area) {
		t.Fatal("a click on the canvas left the field focused")
	}
}

// The pause button freezes the view and counts what arrives.
func TestPauseShowsNew(t *testing.T) {
	l := logOf(10)
	s := newState(l, nil)
	b := pauseButton(s.logGeomNow().header, s.painter().width(s.Log.pauseLabel()))
	s.Update(clickAt(centre(b)), area)
	for i := range 7 {
		l.Push(entry(100 + i))
	}
	s.Update(at(0, 0), area)
	if got := s.Log.pauseLabel(); got != "paused · 7 new" || l.Len() != 10 {
		t.Fatalf("paused: label %q, %d rows", got, l.Len())
	}
	b = pauseButton(s.logGeomNow().header, s.painter().width(s.Log.pauseLabel()))
	s.Update(clickAt(centre(b)), area)
	if l.Paused() || l.Len() != 17 {
		t.Fatalf("resumed: paused %v, %d rows", l.Paused(), l.Len())
	}
}

// The wheel scrolls smoothly; rows arriving above a scrolled view keep
// the rows the user reads where they are.
func TestWheelScrollsAndHoldsPlace(t *testing.T) {
	l := logOf(100_000)
	s := newState(l, nil)
	g := s.logGeomNow()
	x, y := centre(g.rows)
	in := at(x, y)
	in.WheelY = -10
	s.Update(in, area)
	for range 60 {
		s.Update(at(x, y), area)
	}
	if s.Log.Scroll.Off != 10*wheelRows*rowH {
		t.Fatalf("10 notches down scrolled to %v", s.Log.Scroll.Off)
	}
	first := VisibleRows(l.Len(), rowH, g.rows.H, s.Log.Scroll.Off).First
	top, _ := l.Row(first)
	l.Push(entry(200_000))
	l.Push(entry(200_001))
	s.Update(at(x, y), area)
	now, _ := l.Row(VisibleRows(l.Len(), rowH, g.rows.H, s.Log.Scroll.Off).First)
	if now.Aggregate != top.Aggregate {
		t.Fatalf("new rows moved the view: top row %q, was %q", now.Aggregate, top.Aggregate)
	}
}

// Building a frame reads only the rows in view: the mesh of a log of
// 100,000 entries is no bigger than that of a log that just fills it.
func TestBuildIsVirtual(t *testing.T) {
	small, big := newState(logOf(60), nil), newState(logOf(100_000), nil)
	a, b := len(small.Build(area).I), len(big.Build(area).I)
	if b > a+a/10 {
		t.Fatalf("100k entries build %d indices, 60 entries %d", b, a)
	}
}

// The revision moves when something to draw changes, and only then.
func TestRevision(t *testing.T) {
	l := logOf(10)
	s := newState(l, nil)
	s.Update(at(100, 100), area)
	r := s.Revision()
	s.Update(at(100, 100), area)
	s.Update(at(120, 100), area)
	if s.Revision() != r {
		t.Fatal("an idle tick (pointer over the canvas) changed the revision")
	}
	l.Push(entry(11))
	s.Update(at(120, 100), area)
	if s.Revision() == r {
		t.Fatal("a new entry did not change the revision")
	}
}

func TestDetailShowsBodyAndHeaders(t *testing.T) {
	e := entry(7)
	e.Headers = []eventlog.Header{{Key: "X-Aggregate-ID", Value: "n7"}}
	lines := detailLines(&e)
	if len(lines) != 2 || !strings.Contains(lines[0].value, `"i":7`) || lines[1].key != "X-Aggregate-ID" {
		t.Fatalf("detail lines %+v", lines)
	}
	p := newState(logOf(1), nil).painter()
	long := strings.Repeat("abcdef ", 40)
	for _, part := range p.wrap(long, 200) {
		if p.width(part) > 200 {
			t.Fatalf("wrapped line %q is wider than 200 px", part)
		}
	}
	if got := strings.Join(p.wrap(long, 200), ""); got != long {
		t.Fatal("wrapping lost text")
	}
}

// ↓ and ↑ over the log walk the selection and keep it in view.
func TestArrowKeysMoveSelection(t *testing.T) {
	l := logOf(5000)
	s := newState(l, nil)
	x, y := centre(s.logGeomNow().rows)
	s.Update(keys(x, y, ecs.KeyDown), area)
	if e, _ := s.Selected(); e.Aggregate != "n4999" {
		t.Fatalf("↓ with nothing selected selected %q, want the newest", e.Aggregate)
	}
	down := make([]ecs.Key, 100)
	for i := range down {
		down[i] = ecs.KeyDown
	}
	s.Update(keys(x, y, down...), area)
	s.Update(keys(x, y, ecs.KeyUp), area)
	if e, _ := s.Selected(); e.Aggregate != "n4900" {
		t.Fatalf("100 down, 1 up: %q, want n4900", e.Aggregate)
	}
	for range 120 {
		s.Update(at(x, y), area)
	}
	g := s.logGeomNow()
	if w := VisibleRows(l.Len(), rowH, g.rows.H, s.Log.Scroll.Off); w.First > 99 || w.Last <= 99 {
		t.Fatalf("row 99 is selected but the view shows %+v", w)
	}
}
