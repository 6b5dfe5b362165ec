package model

import (
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/render/canvas"
)

const titleH = 40.0

// chrome draws the title bar, the sidebar (axes, contexts, weights) and
// the status bar.
func (f *Frame) chrome(c *Controller) {
	s, l := c.S, c.L
	f.rect(LayerUI, Box{W: l.W, H: titleH}, colBar)
	f.rect(LayerUI, Box{Y: titleH, W: SidebarW, H: l.H - titleH - StatusH}, colPanel)
	f.rect(LayerUI, Box{X: SidebarW - 1, Y: titleH, W: 1, H: l.H - titleH - StatusH}, colPanelEdge)
	f.rect(LayerUI, Box{Y: l.H - StatusH, W: l.W, H: StatusH}, colBar)
	if s.Space == nil {
		f.text(LayerUIText, "loading space "+s.ID+" …", 14, 12, 14, colTextDim)
		return
	}
	f.title(c)
	f.sidebar(c)
	f.status(c)
}

func (f *Frame) title(c *Controller) {
	s := c.S
	x := f.text(LayerUIText, s.Space.Name, 14, 11, 15, colText)
	f.text(LayerUIText, fmt.Sprintf("  space %s · version %d", s.ID, s.Version), x, 12, 13, colTextDim)
	what := "3D view · drag to orbit, wheel to zoom"
	if d := s.Derived(); len(s.Axes) == 2 && d != nil {
		what = "2D view · drag a point to move it · cells exact"
		if !d.Exact {
			what = "2D view · drag a point to move it · cells as the exact per-pixel map (categorical axis or non-Euclidean norm)"
		}
	}
	w := float64(f.G.Measure(canvas.FaceUI, what, 13))
	f.text(LayerUIText, what, c.L.W-w-14, 12, 13, colTextDim)
}

func (f *Frame) sidebar(c *Controller) {
	s, l := c.S, c.L
	f.text(LayerUIText, "AXES  (click: 2 for 2D, 3 for 3D)", 16, l.Headers[0], 11, colTextDim)
	for i, b := range l.Axes {
		d := s.Space.Dimensions[i]
		role := slices.Index(s.Axes, d.Name)
		f.row(b, axisName(d), role >= 0)
		if role >= 0 {
			f.text(LayerUIText, [3]string{"x", "y", "z"}[role], b.X+b.W-18, b.Y+4, 14, colAccent)
		}
	}
	f.text(LayerUIText, "CONTEXT", 16, l.Headers[1], 11, colTextDim)
	for i, name := range s.Contexts() {
		f.row(l.Contexts[i], name, name == s.Context)
	}
	f.text(LayerUIText, "WEIGHTS  ("+s.Context+")", 16, l.Headers[2], 11, colTextDim)
	ws := s.ContextWeights()
	for i, dom := range s.Space.Domains() {
		f.slider(l.Sliders[i], dom, ws[dom])
	}
}

// row draws a sidebar row, highlighted when on.
func (f *Frame) row(b Box, label string, on bool) {
	col := colTextDim
	if on {
		f.rect(LayerUI, b, colAccent.Fade(0.16))
		col = colText
	}
	f.text(LayerUIText, label, b.X+8, b.Y+4, 14, col)
}

func (f *Frame) slider(t Box, domain string, w float64) {
	f.text(LayerUIText, domain, t.X, t.Y-19, 13, colText)
	f.text(LayerUIText, fmt.Sprintf("%.2f", w), t.X+t.W+12, t.Y-2, 13, colTextDim)
	mid := t.Y + t.H/2
	x := SliderX(t, w)
	f.rect(LayerUI, Box{X: t.X, Y: mid - 2, W: t.W, H: 4}, colPanelEdge)
	f.rect(LayerUI, Box{X: t.X, Y: mid - 2, W: x - t.X, H: 4}, colAccent)
	one := SliderX(t, 1)
	f.rect(LayerUI, Box{X: one - 0.5, Y: mid - 6, W: 1, H: 12}, colTextDim)
	f.disc(LayerUI, x, mid, 6, 1.5, colText, colOutline)
}

func (f *Frame) status(c *Controller) {
	s, l := c.S, c.L
	msg, col := s.Status, colTextDim
	if s.Failed {
		col = colError
	} else if msg != "" {
		col = colOK
	}
	if d := s.Derived(); d != nil && d.Err != nil {
		msg, col = "the space refuses this: "+d.Err.Error(), colError
	}
	if msg == "" {
		msg = "drag a point to move it (Esc cancels) · click an axis, a context · drag a weight"
	}
	f.text(LayerUIText, msg, 12, l.H-StatusH+6, 13, col)
	right := fmt.Sprintf("%d concepts · %d items · %s", len(s.Space.Concepts), len(s.Space.Items), normName(s.Space.Norm))
	w := float64(f.G.Measure(canvas.FaceUI, right, 13))
	f.text(LayerUIText, right, l.W-w-12, l.H-StatusH+6, 13, colTextDim)
}

func normName(n space.Norm) string {
	if n == "" {
		return "euclidean"
	}
	return string(n)
}
