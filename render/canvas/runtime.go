package canvas

import "strconv"

// Runs is the runtime state drawn on a workflow step while its workflow
// runs: instances running at it (the node glows), waiting at it (a badge
// with their count) and failed at it (the node turns red).
type Runs struct{ Running, Waiting, Failed int32 }

// Colours of runtime state.
var (
	colRunning = Hex(0x7ee787, 1)
	colWaiting = Hex(0xe3b341, 1)
	colFailed  = colError
	colTravel  = Hex(0xffe0d4, 1) // the core of a travelling pulse's dot
)

// badgeTexts holds the badge texts, so drawing a badge never allocates.
var badgeTexts = func() [100]string {
	var t [100]string
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

func countText(n int32) string {
	if n >= int32(len(badgeTexts)) {
		return "99+"
	}
	return badgeTexts[max(n, 0)]
}

// runGlow draws a running step's green glow, else a failed one's red
// glow: a step where a run broke but others still run glows green around
// its red body.
func (f *Frame) runGlow(m *Mesh, n *NodeView, c Vec, hw, hh, r float32) {
	var col Color
	switch {
	case n.Run.Running > 0:
		col = colRunning
	case n.Run.Failed > 0:
		col = colFailed
	default:
		return
	}
	f.bandFade(m, n.Shape, c, hw, hh, r, 14, 2, col.Fade(0), col.Fade(0.7))
	f.bandFade(m, n.Shape, c, hw, hh, r, 2.5, 0.5, col, col)
}

// runBadges draws the counts on a step's corners: waiting (top right),
// running (top left) and failed (bottom right), each when not zero.
func (f *Frame) runBadges(m *Mesh, n *NodeView, c Vec, hw, hh, zoom float32) {
	if n.Run == (Runs{}) {
		return
	}
	size := max(10, min(16, 12*zoom))
	f.badge(m, Vec{c.X + hw, c.Y - hh}, n.Run.Waiting, size, colWaiting)
	f.badge(m, Vec{c.X - hw, c.Y - hh}, n.Run.Running, size, colRunning)
	f.badge(m, Vec{c.X + hw, c.Y + hh}, n.Run.Failed, size, colFailed)
}

// badge draws a count on a pill centred at p.
func (f *Frame) badge(m *Mesh, p Vec, count int32, size float32, col Color) {
	if count <= 0 {
		return
	}
	text := countText(count)
	w := max(size*1.5, f.G.Measure(FaceLabel, text, size)+size*0.8)
	h := size * 1.5
	f.outer = roundRect(f.outer[:0], p, w/2+1.5, h/2+1.5, h/2+1.5)
	m.Fan(p, f.outer, colBackground)
	f.outer = roundRect(f.outer[:0], p, w/2, h/2, h/2)
	m.Fan(p, f.outer, col)
	f.G.TextFit(&f.Layers[LayerCanvasText], FaceLabel, text, p.X, p.Y, w, size, colBackground)
}

// travel draws the dot of a pulse travelling along an edge: at the
// source when the pulse is fresh, at the target when it is gone.
func (f *Frame) travel(m *Mesh, e *EdgeView, a, ctrl, b Vec, zoom float32) {
	if e.Pulse <= 0 {
		return
	}
	t := 1 - e.Pulse
	u := 1 - t
	p := a.Mul(u * u).Add(ctrl.Mul(2 * u * t)).Add(b.Mul(t * t))
	r := max(4, min(8, 6*zoom))
	f.outer = ellipse(f.outer[:0], p, r*1.8, r*1.8, 20)
	m.Fan(p, f.outer, colPulse.Fade(0.25))
	f.outer = ellipse(f.outer[:0], p, r, r, 16)
	m.Fan(p, f.outer, colPulse)
	f.outer = ellipse(f.outer[:0], p, r*0.5, r*0.5, 12)
	m.Fan(p, f.outer, colTravel)
}
