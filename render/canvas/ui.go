package canvas

import (
	"fmt"
	"strconv"
)

const uiText = 14 // UI text size: the baked size of FaceUI, drawn 1:1

// BuildUI fills the UI and overlay layers from u.
func (f *Frame) BuildUI(u *UIView) {
	for _, l := range []Layer{LayerUI, LayerUIText, LayerOverlay, LayerOverlayText} {
		f.Layers[l].Reset()
	}
	l := LayoutFor(u)
	f.topBar(u, l.Top)
	f.kinds(u, l.Kinds)
	f.graphs(u, l.Graphs)
	if u.Inspector.Open {
		f.inspector(u, l.Inspector)
	}
	if len(u.Mini.Dots) > 0 {
		f.minimap(u, l.Mini)
	}
	f.statusBar(u, l.Status)
	f.overlays(u)
}

// panel draws a rounded card with a hairline border.
func (f *Frame) panel(m *Mesh, r Rect, fill Color) {
	c := Vec{r.X + r.W/2, r.Y + r.H/2}
	f.bandFade(m, ShapeRoundRect, c, r.W/2, r.H/2, 8, 10, 0, colShadow.Fade(0), colShadow.Fade(0.6))
	f.outer = roundRect(f.outer[:0], c, r.W/2, r.H/2, 8)
	m.Fan(c, f.outer, fill)
	f.bandFade(m, ShapeRoundRect, c, r.W/2, r.H/2, 8, 0, -1, colPanelEdge, colPanelEdge)
}

// text draws UI text at pixel-aligned positions so it stays crisp.
func (f *Frame) text(layer Layer, s string, x, y float32, col Color) float32 {
	return f.G.Text(&f.Layers[layer], FaceUI, s, float32(int(x)), float32(int(y)), uiText, col)
}

func (f *Frame) textWidth(s string) float32 { return f.G.Measure(FaceUI, s, uiText) }

func (f *Frame) topBar(u *UIView, r Rect) {
	m := &f.Layers[LayerUI]
	m.Rect(r.X, r.Y, r.W, r.H, colBar)
	m.Rect(r.X, r.Y+r.H-1, r.W, 1, colPanelEdge)
	y := r.Y + (r.H-f.G.LineHeight(FaceUI, uiText))/2
	x := f.text(LayerUIText, "cimviz", pad, y, colAccent) + 18
	f.crumbs = f.crumbs[:0]
	for i, c := range u.Crumbs {
		col := colTextDim
		if i == len(u.Crumbs)-1 {
			col = colText
		}
		if i > 0 {
			x = f.text(LayerUIText, "›", x, y, colTextDim) + 8
		}
		start := x
		x = f.text(LayerUIText, c, x, y, col) + 8
		f.crumbs = append(f.crumbs, [2]float32{start, x})
	}
	hint := "?  help     Ctrl+Shift+P  commands     Ctrl+F  find"
	f.text(LayerUIText, hint, r.W-f.textWidth(hint)-pad, y, colTextDim)
}

// CrumbAt returns the index of the breadcrumb drawn at x in the top bar
// of the last frame, or -1.
func (f *Frame) CrumbAt(x float32) int {
	for i, c := range f.crumbs {
		if x >= c[0] && x < c[1] {
			return i
		}
	}
	return -1
}

// statusBar shows the connection, the graph and its size, commands in
// flight and the last message on the left; zoom and frame rate right.
// CrumbAtX returns where breadcrumb i starts in the last frame (-1 when
// there is no such crumb).
func (f *Frame) CrumbAtX(i int) float32 {
	if i < 0 || i >= len(f.crumbs) {
		return -1
	}
	return f.crumbs[i][0]
}

func (f *Frame) statusBar(u *UIView, r Rect) {
	m := &f.Layers[LayerUI]
	m.Rect(r.X, r.Y, r.W, r.H, colBar)
	m.Rect(r.X, r.Y, r.W, 1, colPanelEdge)
	y := r.Y + (r.H-f.G.LineHeight(FaceUI, uiText))/2
	f.statusLeft(m, &u.Status, r, y)
	s := &u.Status
	zoom, fps := int64(s.Zoom*100+0.5), int64(s.FPS+0.5)
	right := f.memo.get(2, zoom<<32|fps, func() string {
		if fps < 1 {
			return fmt.Sprintf("zoom %d%%", zoom)
		}
		return fmt.Sprintf("zoom %d%%   %d fps", zoom, fps)
	})
	f.text(LayerUIText, right, r.W-f.textWidth(right)-pad, y, colTextDim)
}

func (f *Frame) statusLeft(m *Mesh, s *StatusView, r Rect, y float32) {
	dot, msgCol := colOK, colTextDim
	if !s.Online {
		dot = colError
	}
	if s.Err {
		msgCol = colError
	}
	f.outer = ellipse(f.outer[:0], Vec{pad + 4, r.Y + r.H/2}, 4, 4, 12)
	m.Fan(Vec{pad + 4, r.Y + r.H/2}, f.outer, dot)
	x := f.text(LayerUIText, s.Conn, pad+14, y, colText) + 20
	x = f.text(LayerUIText, s.Graph, x, y, colText) + 20
	x = f.text(LayerUIText, f.memo.get(0, int64(s.Nodes)<<32|int64(s.Edges), func() string {
		return fmt.Sprintf("%d nodes · %d edges", s.Nodes, s.Edges)
	}), x, y, colTextDim) + 20
	if s.Pending > 0 {
		pending := f.memo.get(1, int64(s.Pending), func() string { return fmt.Sprintf("%d pending", s.Pending) })
		x = f.text(LayerUIText, pending, x, y, colAccent) + 20
	}
	f.text(LayerUIText, s.Message, x, y, msgCol)
}

// kinds draws the palette of node kinds, each with its shape as an icon.
func (f *Frame) kinds(u *UIView, r Rect) {
	if len(u.Kinds) == 0 {
		return
	}
	m := &f.Layers[LayerUI]
	f.panel(m, r, colPanel)
	f.text(LayerUIText, "NODES", r.X+pad, r.Y+8, colTextDim)
	for i, k := range u.Kinds {
		y := r.Y + 30 + float32(i)*rowH
		s := ShapeOf(k)
		n := NodeView{W: 26, H: 14, Shape: s}
		hw, hh := extent(&n)
		c := Vec{r.X + pad + 14, y + rowH/2}
		f.outer = outline(f.outer[:0], s, c, hw, min(hh, 9), 3)
		m.Fan(c, f.outer, bodyOf(s))
		f.bandFade(m, s, c, hw, min(hh, 9), 3, 0, -1.5, accent[s], accent[s])
		f.text(LayerUIText, k, r.X+pad+36, y+(rowH-f.G.LineHeight(FaceUI, uiText))/2, colText)
	}
}

// graphs draws the graph browser: every graph of the document, the open
// one highlighted; a click opens it.
func (f *Frame) graphs(u *UIView, r Rect) {
	if len(u.Graphs.Names) == 0 {
		return
	}
	m := &f.Layers[LayerUI]
	f.panel(m, r, colPanel)
	f.text(LayerUIText, "GRAPHS", r.X+pad, r.Y+8, colTextDim)
	for i, name := range u.Graphs.Names {
		y := r.Y + 30 + float32(i)*rowH
		col := colText
		if i == u.Graphs.Current {
			m.Rect(r.X+4, y, r.W-8, rowH, colAccent.Fade(0.18))
			col = colAccent
		}
		name = f.G.truncate(FaceUI, name, r.W-2*pad, uiText)
		f.text(LayerUIText, name, r.X+pad, y+(rowH-f.G.LineHeight(FaceUI, uiText))/2, col)
	}
}

func (f *Frame) inspector(u *UIView, r Rect) {
	m := &f.Layers[LayerUI]
	f.panel(m, r, colPanel)
	f.text(LayerUIText, u.Inspector.Title, r.X+pad, r.Y+12, colText)
	m.Rect(r.X+pad, r.Y+36, r.W-2*pad, 1, colPanelEdge)
	for i, fd := range u.Inspector.Fields {
		y := r.Y + 44 + float32(i)*44
		f.text(LayerUIText, fd.Name, r.X+pad, y, colTextDim)
		box := Rect{r.X + pad, y + 18, r.W - 2*pad, 22}
		f.field(box, fd.Value, fd.Editing)
	}
}

// field draws an input box with its value (and a caret when editing).
func (f *Frame) field(r Rect, value string, editing bool) {
	m := &f.Layers[LayerUI]
	m.Rect(r.X, r.Y, r.W, r.H, colField)
	border := colPanelEdge
	if editing {
		border = colAccent
	}
	f.frameRect(m, r.X, r.Y, r.W, r.H, 1, border)
	end := f.text(LayerUIText, value, r.X+6, r.Y+3, colText)
	if editing {
		m.Rect(end+1, r.Y+4, 1.5, r.H-8, colAccent)
	}
}

func (f *Frame) minimap(u *UIView, r Rect) {
	m := &f.Layers[LayerUI]
	f.panel(m, r, colPanel)
	mm := &u.Mini
	t := miniTransform(r, mm)
	if len(mm.Dots) > miniBinAbove {
		f.miniDensity(m, mm, t, r)
	} else {
		f.miniDots(m, mm, t, r)
	}
	a, b := t.at(mm, mm.ViewX0, mm.ViewY0), t.at(mm, mm.ViewX1, mm.ViewY1)
	a.X, a.Y = max(a.X, r.X+2), max(a.Y, r.Y+2)
	b.X, b.Y = min(b.X, r.X+r.W-2), min(b.Y, r.Y+r.H-2)
	if b.X > a.X && b.Y > a.Y {
		m.Rect(a.X, a.Y, b.X-a.X, b.Y-a.Y, colAccent.Fade(0.12))
		f.frameRect(m, a.X, a.Y, b.X-a.X, b.Y-a.Y, 1, colAccent)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// memo keeps the last formatted text of a few status fields, so a frame
// whose numbers did not change formats (and allocates) nothing.
type memo struct {
	keys [4]int64
	vals [4]string
	set  [4]bool
}

func (m *memo) get(slot int, key int64, format func() string) string {
	if !m.set[slot] || m.keys[slot] != key {
		m.keys[slot], m.vals[slot], m.set[slot] = key, format(), true
	}
	return m.vals[slot]
}
