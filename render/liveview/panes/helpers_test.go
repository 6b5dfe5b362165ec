package panes

import (
	"fmt"
	"image"
	"testing"
	"time"

	"github.com/cimviz/cimviz/bench/timelinebench"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/canvas"
)

var area = image.Rect(0, 0, 1280, 800)

var glyphs = func() *canvas.Glyphs {
	g, err := canvas.NewGlyphs()
	if err != nil {
		panic(err)
	}
	return g
}()

// logOf returns a log of n messages; message i is on
// cim.graph.evt.g<i%3>.node_moved (every fifth a command) and arrives i
// milliseconds after a fixed start.
func logOf(n int) *eventlog.Log {
	l := eventlog.New(eventlog.WithCapacity(max(n, 100)))
	for i := range n {
		l.Push(entry(i))
	}
	return l
}

func entry(i int) eventlog.Entry {
	e := eventlog.Entry{Subject: fmt.Sprintf("cim.graph.evt.g%d.node_moved", i%3), Kind: eventlog.KindEvent, Type: "node_moved",
		Aggregate: fmt.Sprint("n", i), Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Millisecond),
		Body: []byte(fmt.Sprintf(`{"i":%d}`, i))}
	if i%5 == 0 {
		e.Subject, e.Kind, e.Type = "cim.graph.cmd.move_node", eventlog.KindCommand, "move_node"
	}
	return e
}

func history(t testing.TB, n int) *timeline.Timeline {
	t.Helper()
	tl, err := timeline.New(timelinebench.History(n, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func newState(l *eventlog.Log, tl *timeline.Timeline) *State {
	return New(l, tl, glyphs, WithLocation(time.UTC))
}

// Input helpers: a pointer at (x, y), a click there, keys, typing.
func at(x, y float32) ecs.Input { return ecs.Input{MouseX: float64(x), MouseY: float64(y)} }

func clickAt(x, y float32) ecs.Input {
	in := at(x, y)
	in.Pressed, in.Held = ecs.ButtonLeft, ecs.ButtonLeft
	return in
}

func keys(x, y float32, ks ...ecs.Key) ecs.Input {
	in := at(x, y)
	for _, k := range ks {
		in.Keys = append(in.Keys, ecs.KeyPress{Key: k})
	}
	return in
}

func typing(s string) ecs.Input { in := at(100, 100); in.Text = []rune(s); return in }

func centre(r canvas.Rect) (float32, float32) { return r.X + r.W/2, r.Y + r.H/2 }

// logGeomNow is the log panel's geometry in the default layout.
func (s *State) logGeomNow() logGeom {
	return logGeomOf(s.Layout(area).Log, s.metrics.DetailH, s.Log.hasSel)
}
