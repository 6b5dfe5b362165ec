package panes

import (
	"fmt"
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/render/canvas"
)

// LogPanel is the event log: a filter field, a pause button, the
// filtered log newest first (virtual: only the rows in view are read)
// and the selected entry's headers and body.
type LogPanel struct {
	log       *eventlog.Log
	loc       *time.Location
	Field     Field
	FilterErr error // why the field's text is not the filter in force
	Scroll    Scroll
	sel       eventlog.Entry
	hasSel    bool
	hover     int            // row under the pointer, -1 for none
	newest    eventlog.Entry // row 0 at the last tick
	hasNewest bool
	detailH   float32
}

func newLogPanel(log *eventlog.Log, loc *time.Location, detailH float32) *LogPanel {
	return &LogPanel{log: log, loc: loc, hover: -1, detailH: detailH, Field: Field{Text: FormatFilter(log.Filter())}}
}

// Selected returns the selected entry.
func (lp *LogPanel) Selected() (eventlog.Entry, bool) { return lp.sel, lp.hasSel }

// Select makes e the selected entry.
func (lp *LogPanel) Select(e eventlog.Entry) { lp.sel, lp.hasSel = e, true }

// ClearSelection selects nothing.
func (lp *LogPanel) ClearSelection() { lp.sel, lp.hasSel = eventlog.Entry{}, false }

// update moves the panel for one tick; r is its rectangle and over
// whether the pointer is over it.
func (lp *LogPanel) update(in *ecs.Input, r canvas.Rect, over bool, p painter) {
	g := logGeomOf(r, lp.detailH, lp.hasSel)
	if lp.Field.Edit(in) {
		lp.applyFilter()
	}
	lp.follow()
	lp.hover = -1
	m := mouse(in)
	if over && g.rows.Contains(m) {
		lp.hover = RowAt(lp.log.Len(), rowH, g.rows.H, lp.Scroll.Off, m.Y-g.rows.Y)
		lp.Scroll.Wheel(in.WheelY, rowH)
	}
	if in.Pressed.Has(ecs.ButtonLeft) {
		lp.click(g, m, over, p)
	}
	if over && !lp.Field.Focused {
		lp.keys(in, g.rows.H)
	}
	lp.Scroll.Step(dtOf(in), MaxScroll(lp.log.Len(), rowH, g.rows.H))
}

// followMax is how far down follow looks for last tick's newest row.
const followMax = 1024

// follow keeps the rows the user reads in place while new ones arrive
// above a scrolled view (also when a full log drops as many as arrive).
func (lp *LogPanel) follow() {
	if lp.Scroll.Target > 0 && lp.hasNewest {
		if grew := lp.rowOf(&lp.newest); grew > 0 {
			lp.Scroll.Shift(float32(grew) * rowH)
		}
	}
	lp.newest, lp.hasNewest = lp.log.Row(0)
}

// rowOf finds e among the first followMax rows (0 if it is not there).
func (lp *LogPanel) rowOf(e *eventlog.Entry) int {
	at := 0
	lp.log.Rows(0, followMax, func(r int, x *eventlog.Entry) {
		if at == 0 && sameEntry(x, e) {
			at = r
		}
	})
	return at
}

func (lp *LogPanel) applyFilter() {
	f, err := ParseFilter(lp.Field.Text)
	if err == nil {
		err = lp.log.SetFilter(f)
	}
	lp.FilterErr = err
	if err == nil {
		lp.Scroll = Scroll{}
		lp.newest, lp.hasNewest = lp.log.Row(0)
	}
}

func (lp *LogPanel) click(g logGeom, m canvas.Vec, over bool, p painter) {
	lp.Field.Focused = over && g.field.Contains(m)
	switch {
	case !over:
	case pauseButton(g.header, p.width(lp.pauseLabel())).Contains(m):
		lp.togglePause()
	case lp.hover >= 0:
		if e, ok := lp.log.Row(lp.hover); ok {
			lp.Select(e)
		}
	}
}

func (lp *LogPanel) togglePause() {
	if lp.log.Paused() {
		lp.log.Resume()
	} else {
		lp.log.Pause()
	}
}

// keys: ↑/↓ move the selection, Escape drops it, Space pauses or
// resumes.
func (lp *LogPanel) keys(in *ecs.Input, viewH float32) {
	for _, k := range in.Keys {
		switch k.Key {
		case ecs.KeyEscape:
			lp.ClearSelection()
		case ecs.KeySpace:
			lp.togglePause()
		case ecs.KeyUp:
			lp.moveSelection(-1, viewH)
		case ecs.KeyDown:
			lp.moveSelection(1, viewH)
		}
	}
}

// moveSelection selects the row d rows below the selected one (the
// newest row when none is selected) and scrolls it into view.
func (lp *LogPanel) moveSelection(d int, viewH float32) {
	r := 0
	if i := lp.selectedRow(); i >= 0 {
		r = max(0, min(i+d, lp.log.Len()-1))
	}
	if e, ok := lp.log.Row(r); ok {
		lp.Select(e)
		lp.Scroll.Reveal(r, rowH, viewH)
	}
}

// selectedRow is the selected entry's row in the view, or -1 (one pass
// over the view: a key press, not a frame).
func (lp *LogPanel) selectedRow() int {
	at := -1
	if lp.hasSel {
		lp.log.Rows(0, lp.log.Len(), func(r int, e *eventlog.Entry) {
			if at < 0 && sameEntry(e, &lp.sel) {
				at = r
			}
		})
	}
	return at
}

func (lp *LogPanel) pauseLabel() string {
	if lp.log.Paused() {
		return fmt.Sprintf("paused · %d new", lp.log.Pending())
	}
	return "Pause"
}

func mouse(in *ecs.Input) canvas.Vec {
	return canvas.Vec{X: float32(in.MouseX), Y: float32(in.MouseY)}
}

func dtOf(in *ecs.Input) float64 {
	if in.DT <= 0 {
		return 1.0 / 60
	}
	return in.DT
}

// isSelected tells whether e is the selected entry.
func (lp *LogPanel) isSelected(e *eventlog.Entry) bool { return lp.hasSel && sameEntry(&lp.sel, e) }

// sameEntry compares by message ID, or by subject, time and sequence for
// messages without one.
func sameEntry(a, b *eventlog.Entry) bool {
	if a.Identity.MessageID != [16]byte{} {
		return a.Identity.MessageID == b.Identity.MessageID
	}
	return a.Subject == b.Subject && a.Time.Equal(b.Time) && a.Sequence == b.Sequence
}
