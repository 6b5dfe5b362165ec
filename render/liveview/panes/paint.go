package panes

import (
	"strings"
	"unicode/utf8"

	"github.com/cimviz/cimviz/render/canvas"
)

// painter appends shapes and text to one mesh that samples the glyph
// atlas (text) and its white patch (shapes): the whole panel set is one
// draw call.
type painter struct {
	m *canvas.Mesh
	g *canvas.Glyphs
}

func (p painter) rect(r canvas.Rect, c canvas.Color) { p.m.Rect(r.X, r.Y, r.W, r.H, c) }

// frame draws the border of r, t pixels wide, inside r.
func (p painter) frame(r canvas.Rect, t float32, c canvas.Color) {
	p.m.Rect(r.X, r.Y, r.W, t, c)
	p.m.Rect(r.X, r.Y+r.H-t, r.W, t, c)
	p.m.Rect(r.X, r.Y+t, t, r.H-2*t, c)
	p.m.Rect(r.X+r.W-t, r.Y+t, t, r.H-2*t, c)
}

// card is a panel background with a hairline border.
func (p painter) card(r canvas.Rect) {
	p.rect(r, colPanel)
	p.frame(r, 1, colPanelEdge)
}

// text draws s at a pixel-aligned top-left corner and returns its end.
func (p painter) text(s string, x, y float32, c canvas.Color) float32 {
	return p.g.Text(p.m, canvas.FaceUI, s, float32(int(x)), float32(int(y)), textSize, c)
}

// textIn draws s cut with an ellipsis to fit maxW.
func (p painter) textIn(s string, x, y, maxW float32, c canvas.Color) float32 {
	return p.text(p.fit(s, maxW), x, y, c)
}

// textMid centres s vertically in a row of height h starting at y.
func (p painter) textMid(s string, x, y, h, maxW float32, c canvas.Color) float32 {
	return p.textIn(s, x, y+(h-p.lineH())/2, maxW, c)
}

func (p painter) width(s string) float32 { return p.g.Measure(canvas.FaceUI, s, textSize) }

func (p painter) lineH() float32 { return p.g.LineHeight(canvas.FaceUI, textSize) }

// fit returns the longest prefix of s that fits maxW, with "…" when cut.
func (p painter) fit(s string, maxW float32) string {
	if p.width(s) <= maxW {
		return s
	}
	head, _ := p.cut(s, maxW-p.width("…"))
	if head == "" {
		return ""
	}
	return head + "…"
}

// fitTail keeps the end of s (where a subject says the most), with "…"
// in front when cut.
func (p painter) fitTail(s string, maxW float32) string {
	if p.width(s) <= maxW {
		return s
	}
	limit := maxW - p.width("…")
	var w float32
	for i := len(s); i > 0; {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		w += p.width(s[i-n : i])
		if w > limit {
			return "…" + strings.TrimPrefix(s[i:], ".")
		}
		i -= n
	}
	return s
}

// cut splits s where its width passes maxW, measuring rune by rune.
func (p painter) cut(s string, maxW float32) (head, rest string) {
	var w float32
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		w += p.width(s[i : i+n])
		if w > maxW {
			return s[:i], s[i:]
		}
		i += n
	}
	return s, ""
}

// dashed draws a dashed line from a to b.
func (p painter) dashed(a, b canvas.Vec, width, dash, gap float32, c canvas.Color) {
	d := b.Sub(a)
	l := d.Len()
	if l == 0 {
		return
	}
	u := d.Mul(1 / l)
	for t := float32(0); t < l; t += dash + gap {
		p.m.Line(a.Add(u.Mul(t)), a.Add(u.Mul(min(t+dash, l))), width, c)
	}
}

// dashedFrame is a dashed border around r.
func (p painter) dashedFrame(r canvas.Rect, c canvas.Color) {
	tl, tr := canvas.Vec{X: r.X, Y: r.Y}, canvas.Vec{X: r.X + r.W, Y: r.Y}
	bl, br := canvas.Vec{X: r.X, Y: r.Y + r.H}, canvas.Vec{X: r.X + r.W, Y: r.Y + r.H}
	for _, s := range [][2]canvas.Vec{{tl, tr}, {tr, br}, {br, bl}, {bl, tl}} {
		p.dashed(s[0], s[1], 1.5, 5, 3, c)
	}
}

// arrow draws a line from a to b with a head at b.
func (p painter) arrow(a, b canvas.Vec, c canvas.Color, dashed bool) {
	u := b.Sub(a).Norm()
	base := b.Sub(u.Mul(7))
	if dashed {
		p.dashed(a, base, 1.5, 5, 3, c)
	} else {
		p.m.Line(a, base, 1.5, c)
	}
	n := u.Perp().Mul(4)
	p.m.Triangle(b, base.Add(n), base.Sub(n), c)
}

// button draws a labelled button; on marks a chosen toggle.
func (p painter) button(r canvas.Rect, label string, on, hover bool) {
	fill := colField
	if hover {
		fill = canvas.Hex(0x232833, 1)
	}
	if on {
		fill = colAccent.Fade(0.25)
	}
	p.rect(r, fill)
	edge := colPanelEdge
	if on {
		edge = colAccent
	}
	p.frame(r, 1, edge)
	if label != "" {
		w := p.width(label)
		p.text(label, r.X+(r.W-w)/2, r.Y+(r.H-p.lineH())/2, colText)
	}
}
