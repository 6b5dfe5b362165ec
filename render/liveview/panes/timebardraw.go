package panes

import (
	"strconv"

	"github.com/cimviz/cimviz/render/canvas"
)

func (tb *TimeBar) build(p painter, r canvas.Rect) {
	p.rect(r, colBar)
	p.rect(canvas.Rect{X: r.X, Y: r.Y, W: r.W, H: 1}, colPanelEdge)
	if tb.tl == nil || tb.tl.Len() == 0 {
		p.textMid("no history to travel", r.X+pad, r.Y, r.H, r.W-2*pad, colTextDim)
		return
	}
	g := barGeomOf(r)
	tb.icons(p, g)
	for i, s := range g.speeds {
		p.button(s, strconv.Itoa(int(Speeds[i]))+"x", tb.Speed == Speeds[i], s.Contains(tb.hover))
	}
	seq, past := tb.Seek()
	last := tb.tl.LastSequence()
	label, col := "live · #"+strconv.FormatUint(last, 10), colOK
	if past {
		label, col = "#"+strconv.FormatUint(seq, 10)+" of "+strconv.FormatUint(last, 10), colWarn
	}
	p.textMid(label, g.label.X, g.label.Y, g.label.H, g.label.W, col)
	tb.slider(p, g, seq, last, past)
	p.button(g.live, "Live", !past, g.live.Contains(tb.hover))
}

// icons draws step back, play (or pause) and step forward as shapes.
func (tb *TimeBar) icons(p painter, g barGeom) {
	for _, b := range []canvas.Rect{g.back, g.play, g.fwd} {
		p.button(b, "", false, b.Contains(tb.hover))
	}
	c := func(r canvas.Rect) canvas.Vec { return canvas.Vec{X: r.X + r.W/2, Y: r.Y + r.H/2} }
	b, f, pl := c(g.back), c(g.fwd), c(g.play)
	p.rect(canvas.Rect{X: b.X - 5, Y: b.Y - 5, W: 2, H: 10}, colText)
	p.m.Triangle(canvas.Vec{X: b.X - 2, Y: b.Y}, canvas.Vec{X: b.X + 5, Y: b.Y - 5}, canvas.Vec{X: b.X + 5, Y: b.Y + 5}, colText)
	p.m.Triangle(canvas.Vec{X: f.X + 2, Y: f.Y}, canvas.Vec{X: f.X - 5, Y: f.Y - 5}, canvas.Vec{X: f.X - 5, Y: f.Y + 5}, colText)
	p.rect(canvas.Rect{X: f.X + 3, Y: f.Y - 5, W: 2, H: 10}, colText)
	if tb.Playing {
		p.rect(canvas.Rect{X: pl.X - 5, Y: pl.Y - 6, W: 3, H: 12}, colAccent)
		p.rect(canvas.Rect{X: pl.X + 2, Y: pl.Y - 6, W: 3, H: 12}, colAccent)
		return
	}
	p.m.Triangle(canvas.Vec{X: pl.X + 6, Y: pl.Y}, canvas.Vec{X: pl.X - 4, Y: pl.Y - 6}, canvas.Vec{X: pl.X - 4, Y: pl.Y + 6}, colText)
}

func (tb *TimeBar) slider(p painter, g barGeom, seq, last uint64, past bool) {
	x0, x1 := g.track()
	cy := g.slider.Y + g.slider.H/2
	p.rect(canvas.Rect{X: x0, Y: cy - 2, W: x1 - x0, H: 4}, colPanelEdge)
	x := g.xOf(seq, last)
	fill := colOK
	if past {
		fill = colWarn
	}
	p.rect(canvas.Rect{X: x0, Y: cy - 2, W: x - x0, H: 4}, fill.Fade(0.6))
	p.rect(canvas.Rect{X: x - 5, Y: cy - 9, W: 10, H: 18}, fill)
	p.frame(canvas.Rect{X: x - 5, Y: cy - 9, W: 10, H: 18}, 1, colBackground)
}

// banner says, above the bar, that the canvas shows the past.
func (tb *TimeBar) banner(p painter, r canvas.Rect) {
	seq, _ := tb.Seek()
	p.rect(r, colWarn.Fade(0.92))
	msg := "Viewing the past at #" + strconv.FormatUint(seq, 10) + " — editing is off"
	x := p.textMid(msg, r.X+pad+4, r.Y, r.H, r.W-2*pad, colBackground)
	p.textMid("press Live (or End over the bar) to return", x+16, r.Y, r.H, r.X+r.W-x-16-pad, colBackground.Fade(0.7))
}
