package panes

import "github.com/cimviz/cimviz/render/canvas"

// barGeom is where the bar's controls lie.
type barGeom struct {
	back, play, fwd canvas.Rect
	speeds          [3]canvas.Rect
	label, slider   canvas.Rect
	live            canvas.Rect
}

const (
	iconW  = 32
	speedW = 46
	labelW = 150
	liveW  = 64
)

func barGeomOf(r canvas.Rect) barGeom {
	y := r.Y + (r.H-buttonH)/2
	at := func(x, w float32) canvas.Rect { return canvas.Rect{X: x, Y: y, W: w, H: buttonH} }
	var g barGeom
	x := r.X + pad
	g.back, g.play, g.fwd = at(x, iconW), at(x+iconW+4, iconW), at(x+2*(iconW+4), iconW)
	x += 3*(iconW+4) + 10
	for i := range g.speeds {
		g.speeds[i] = at(x, speedW)
		x += speedW + 4
	}
	x += 10
	g.label = at(x, labelW)
	g.live = at(r.X+r.W-pad-liveW, liveW)
	g.slider = canvas.Rect{X: x + labelW + 8, Y: r.Y + 6, W: max(0, g.live.X-x-labelW-24), H: r.H - 12}
	return g
}

// track is the slider's line: its ends in x.
func (g barGeom) track() (x0, x1 float32) { return g.slider.X + 6, g.slider.X + g.slider.W - 6 }

// xOf is where sequence seq lies on the track over [1, last].
func (g barGeom) xOf(seq, last uint64) float32 {
	x0, x1 := g.track()
	if last <= 1 || seq <= 1 {
		return x0
	}
	k := float32(min(seq, last)-1) / float32(last-1)
	return x0 + k*(x1-x0)
}

// seqAt is the sequence at x on the track (1..last; 0 when empty).
func (g barGeom) seqAt(x float32, last uint64) uint64 {
	if last == 0 {
		return 0
	}
	x0, x1 := g.track()
	k := max(0, min(1, (x-x0)/max(x1-x0, 1)))
	return 1 + uint64(float64(k)*float64(last-1)+0.5)
}
