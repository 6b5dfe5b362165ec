package canvas

// Rect is a screen rectangle in pixels.
type Rect struct{ X, Y, W, H float32 }

// Contains reports whether p lies in r.
func (r Rect) Contains(p Vec) bool { return p.X >= r.X && p.X < r.X+r.W && p.Y >= r.Y && p.Y < r.Y+r.H }

// Panel sizes in pixels.
const (
	TopBarH    = 34
	StatusBarH = 26
	KindsW     = 148
	InspectorW = 270
	MiniW      = 220
	MiniH      = 140
	rowH       = 26
	pad        = 12
)

// Layout is where every panel lies for a window size; drawing and hit
// testing share it so a click lands on what was drawn.
type Layout struct {
	Top, Status, Kinds, Graphs, Inspector, Mini Rect
}

// LayoutFor computes the panels for a w×h window.
func LayoutFor(u *UIView) Layout {
	w, h := u.W, u.H
	l := Layout{
		Top:    Rect{0, 0, w, TopBarH},
		Status: Rect{0, h - StatusBarH, w, StatusBarH},
		Kinds:  Rect{pad, TopBarH + pad, KindsW, float32(len(u.Kinds))*rowH + 34},
	}
	if n := len(u.Graphs.Names); n > 0 {
		l.Graphs = Rect{pad, l.Kinds.Y + l.Kinds.H + pad, KindsW, float32(n)*rowH + 34}
	}
	l.Mini = Rect{w - pad - MiniW, h - StatusBarH - pad - MiniH, MiniW, MiniH}
	if u.Inspector.Open {
		l.Inspector = Rect{w - InspectorW - pad, TopBarH + pad, InspectorW, 60 + float32(len(u.Inspector.Fields))*44}
		if l.Inspector.Y+l.Inspector.H+pad > l.Mini.Y {
			l.Mini.X = l.Inspector.X - pad - MiniW
		}
	}
	return l
}

// Hit names what a screen point lands on.
type Hit struct {
	Where Region
	Index int // kind, field or crumb index
}

// Region is a panel of the window.
type Region uint8

// Regions a pointer can be over.
const (
	OnCanvas Region = iota
	OnTopBar
	OnStatus
	OnKinds
	OnInspector
	OnMinimap
	OnGraphs
	OnMenu
)

// HitTest returns the panel under p (OnCanvas when none).
func (l Layout) HitTest(u *UIView, p Vec) Hit {
	if m := &u.Menu; m.Open && MenuRect(m).Contains(p) {
		return Hit{OnMenu, clampIndex(int((p.Y-m.Y-4)/rowH), len(m.Items))}
	}
	switch {
	case l.Top.Contains(p):
		return Hit{OnTopBar, -1}
	case l.Status.Contains(p):
		return Hit{OnStatus, -1}
	case l.Kinds.Contains(p):
		return Hit{OnKinds, clampIndex(int((p.Y-l.Kinds.Y-30)/rowH), len(u.Kinds))}
	case u.Inspector.Open && l.Inspector.Contains(p):
		return Hit{OnInspector, clampIndex(int((p.Y-l.Inspector.Y-44)/44), len(u.Inspector.Fields))}
	case l.Graphs.Contains(p):
		return Hit{OnGraphs, clampIndex(int((p.Y-l.Graphs.Y-30)/rowH), len(u.Graphs.Names))}
	case len(u.Mini.Dots) > 0 && l.Mini.Contains(p):
		return Hit{OnMinimap, -1}
	}
	return Hit{OnCanvas, -1}
}

func clampIndex(i, n int) int {
	if i < 0 || i >= n {
		return -1
	}
	return i
}

// MiniToWorld maps a point of the minimap panel to the world point it
// shows, so a click there can centre the camera.
func (l Layout) MiniToWorld(u *UIView, p Vec) (float32, float32) {
	t := miniTransform(l.Mini, &u.Mini)
	return (p.X-t.ox)/t.k + u.Mini.X0, (p.Y-t.oy)/t.k + u.Mini.Y0
}

type miniXform struct{ k, ox, oy float32 }

// miniTransform fits the world bounds into the panel with a margin.
func miniTransform(r Rect, m *Minimap) miniXform {
	ww, wh := max(m.X1-m.X0, 1), max(m.Y1-m.Y0, 1)
	k := min((r.W-16)/ww, (r.H-16)/wh)
	return miniXform{k, r.X + (r.W-ww*k)/2, r.Y + (r.H-wh*k)/2}
}

func (t miniXform) at(m *Minimap, x, y float32) Vec {
	return Vec{(x-m.X0)*t.k + t.ox, (y-m.Y0)*t.k + t.oy}
}

// MenuRect is where a context menu lies: below and right of its point,
// kept inside the window by the caller's choice of point.
func MenuRect(m *MenuView) Rect {
	return Rect{m.X, m.Y, MenuW, float32(len(m.Items))*rowH + 8}
}

// MenuW is the width of context menus.
const MenuW = 210
