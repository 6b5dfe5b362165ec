package panes

import "github.com/cimviz/cimviz/render/canvas"

// logGeom is where the parts of the log panel lie inside its rectangle.
type logGeom struct {
	header, field, hint, columns, rows, detail canvas.Rect
}

const (
	headerH  = 36
	columnsH = 22
	timeW    = 94 // "15:04:05.000" and a gap
	subjectW = 128
	typeW    = 104
)

func logGeomOf(r canvas.Rect, detailH float32, selected bool) logGeom {
	in := r.W - 2*pad
	g := logGeom{
		header:  canvas.Rect{X: r.X, Y: r.Y, W: r.W, H: headerH},
		field:   canvas.Rect{X: r.X + pad, Y: r.Y + headerH, W: in, H: buttonH},
		hint:    canvas.Rect{X: r.X + pad, Y: r.Y + headerH + buttonH + 4, W: in, H: 20},
		columns: canvas.Rect{X: r.X, Y: r.Y + headerH + buttonH + 28, W: r.W, H: columnsH},
	}
	top := g.columns.Y + columnsH
	bottom := r.Y + r.H
	if selected {
		bottom -= detailH
		g.detail = canvas.Rect{X: r.X, Y: bottom, W: r.W, H: detailH}
	}
	g.rows = canvas.Rect{X: r.X, Y: top, W: r.W, H: max(0, bottom-top)}
	return g
}

// columns are the x offsets and widths of subject, type, aggregate and
// time inside a row of width w.
type columns struct{ subject, typ, agg, time [2]float32 }

func columnsOf(x, w float32) columns {
	x0 := x + pad
	aggX := x0 + subjectW + typeW
	timeX := x + w - pad - timeW + 8
	return columns{
		subject: [2]float32{x0 + 6, subjectW - 12},
		typ:     [2]float32{x0 + subjectW, typeW - 6},
		agg:     [2]float32{aggX, max(0, timeX-aggX-6)},
		time:    [2]float32{timeX, timeW - 8},
	}
}

// pauseButton is the pause/resume button at the header's right; its
// width follows its label.
func pauseButton(header canvas.Rect, labelW float32) canvas.Rect {
	w := labelW + 20
	return canvas.Rect{X: header.X + header.W - pad - w, Y: header.Y + (header.H-buttonH)/2, W: w, H: buttonH}
}
