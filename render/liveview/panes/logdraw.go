package panes

import (
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/render/canvas"
)

// build draws the panel into r.
func (lp *LogPanel) build(p painter, r canvas.Rect) {
	g := logGeomOf(r, lp.detailH, lp.hasSel)
	p.card(r)
	lp.rows(p, g.rows)
	// Rows partly scrolled out are drawn whole; what lies above and below
	// the rows area is drawn over them (opaque), which clips them without
	// a second draw call.
	p.rect(canvas.Rect{X: r.X + 1, Y: r.Y + 1, W: r.W - 2, H: g.rows.Y - r.Y - 1}, colOpaque)
	lp.header(p, g.header)
	lp.filterField(p, g)
	lp.columnHeads(p, g.columns)
	if lp.hasSel {
		lp.detail(p, g.detail)
	}
}

func (lp *LogPanel) header(p painter, r canvas.Rect) {
	x := p.textMid("Events", r.X+pad, r.Y, r.H, 80, colText)
	kept := min(lp.log.Total(), uint64(lp.log.Capacity()))
	p.textMid(count(lp.log.Len())+" of "+count(int(kept)), x+10, r.Y, r.H, 200, colTextDim)
	label := lp.pauseLabel()
	b := pauseButton(r, p.width(label))
	p.button(b, label, false, false)
	if lp.log.Paused() {
		p.frame(b, 1, colWarn)
	}
}

func (lp *LogPanel) filterField(p painter, g logGeom) {
	f := g.field
	p.rect(f, colField)
	border := colPanelEdge
	switch {
	case lp.FilterErr != nil:
		border = colError
	case lp.Field.Focused:
		border = colAccent
	}
	p.frame(f, 1, border)
	ty := f.Y + (f.H-p.lineH())/2
	if lp.Field.Text == "" && !lp.Field.Focused {
		p.text("filter…", f.X+6, ty, colTextDim.Fade(0.7))
	}
	end := p.textIn(lp.Field.Text, f.X+6, ty, f.W-14, colText)
	if lp.Field.Focused {
		p.rect(canvas.Rect{X: end + 1, Y: f.Y + 5, W: 1.5, H: f.H - 10}, colAccent)
	}
	if lp.FilterErr != nil {
		p.textMid(lp.FilterErr.Error(), g.hint.X, g.hint.Y, g.hint.H, g.hint.W, colError)
		return
	}
	p.textMid(FilterHint, g.hint.X, g.hint.Y, g.hint.H, g.hint.W, colTextDim.Fade(0.75))
}

func (lp *LogPanel) columnHeads(p painter, r canvas.Rect) {
	c := columnsOf(r.X, r.W)
	for _, h := range []struct {
		s string
		x [2]float32
	}{{"SUBJECT", c.subject}, {"TYPE", c.typ}, {"AGGREGATE", c.agg}, {"TIME", c.time}} {
		p.textMid(h.s, h.x[0], r.Y, r.H, h.x[1], colTextDim)
	}
	p.rect(canvas.Rect{X: r.X, Y: r.Y + r.H - 1, W: r.W, H: 1}, colPanelEdge)
}

// rows draws the window of rows in view: only they are read.
func (lp *LogPanel) rows(p painter, r canvas.Rect) {
	n := lp.log.Len()
	if n == 0 {
		p.textMid(lp.emptyText(), r.X+pad, r.Y+8, rowH, r.W-2*pad, colTextDim)
		return
	}
	w := VisibleRows(n, rowH, r.H, lp.Scroll.Off)
	c := columnsOf(r.X, r.W)
	lp.log.Rows(w.First, w.Last, func(row int, e *eventlog.Entry) {
		y := r.Y + w.Y + float32(row-w.First)*rowH
		lp.row(p, c, canvas.Rect{X: r.X + 1, Y: y, W: r.W - 2, H: rowH}, row, e)
	})
	lp.scrollbar(p, r, n)
}

func (lp *LogPanel) emptyText() string {
	if lp.log.Total() == 0 {
		return "no messages yet"
	}
	return "no message matches the filter"
}

// row draws one entry.
func (lp *LogPanel) row(p painter, c columns, r canvas.Rect, i int, e *eventlog.Entry) {
	switch {
	case lp.isSelected(e):
		p.rect(r, colSelRow)
	case i == lp.hover:
		p.rect(r, colHoverRow)
	case i%2 == 1:
		p.rect(r, colStripe)
	}
	p.rect(canvas.Rect{X: r.X + pad - 4, Y: r.Y + 6, W: 3, H: r.H - 12}, kindColour(e.Kind))
	p.textMid(p.fitTail(subjectStem(e), c.subject[1]), c.subject[0], r.Y, r.H, c.subject[1], colText)
	p.textMid(e.Type, c.typ[0], r.Y, r.H, c.typ[1], kindColour(e.Kind))
	p.textMid(e.Aggregate, c.agg[0], r.Y, r.H, c.agg[1], colTextDim)
	if !e.Time.IsZero() {
		p.textMid(e.Time.In(lp.loc).Format("15:04:05.000"), c.time[0], r.Y, r.H, c.time[1], colTextDim)
	}
}

// scrollbar shows where the window lies in the whole view.
func (lp *LogPanel) scrollbar(p painter, r canvas.Rect, n int) {
	total := float32(n) * rowH
	if total <= r.H {
		return
	}
	h := max(24, r.H*r.H/total)
	y := r.Y + (r.H-h)*lp.Scroll.Off/MaxScroll(n, rowH, r.H)
	p.rect(canvas.Rect{X: r.X + r.W - 5, Y: y, W: 3, H: h}, colTextDim.Fade(0.45))
}

// subjectStem is the subject without its last token when that is the
// type (cim.graph.evt.g2.node_added → cim.graph.evt.g2): the type column
// beside it says the rest, and the detail shows the whole subject.
func subjectStem(e *eventlog.Entry) string {
	if stem, ok := strings.CutSuffix(e.Subject, "."+e.Type); ok && e.Type != "" && stem != "" {
		return stem
	}
	return e.Subject
}

func count(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
