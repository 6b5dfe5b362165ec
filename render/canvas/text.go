package canvas

// scale returns the factor from the baked size of fc to size pixels.
func scale(fc Face, size float32) float32 { return size / float32(faceSizes[fc]) }

// Measure returns the advance width of s drawn with face fc at size pixels.
func (g *Glyphs) Measure(fc Face, s string, size float32) float32 {
	var w float32
	for _, r := range s {
		w += g.lookup(fc, r).adv
	}
	return w * scale(fc, size)
}

// LineHeight returns the line height of fc at size pixels.
func (g *Glyphs) LineHeight(fc Face, size float32) float32 { return g.line[fc] * scale(fc, size) }

// Text appends s to m with its top-left corner at (x, y) and returns the
// x where the text ends. m must sample this atlas.
func (g *Glyphs) Text(m *Mesh, fc Face, s string, x, y, size float32, col Color) float32 {
	k := scale(fc, size)
	base := y + g.ascent[fc]*k
	for _, r := range s {
		gl := g.lookup(fc, r)
		if gl.x1 > gl.x0 {
			m.glyphQuad(gl, x, base, k, col)
		}
		x += gl.adv * k
	}
	return x
}

// TextFit draws s centred on (cx, cy), shortened with an ellipsis to fit
// maxW; it draws nothing when not even the ellipsis fits.
func (g *Glyphs) TextFit(m *Mesh, fc Face, s string, cx, cy, maxW, size float32, col Color) {
	w := g.Measure(fc, s, size)
	if w > maxW {
		s = g.truncate(fc, s, maxW, size)
		w = g.Measure(fc, s, size)
	}
	if s == "" {
		return
	}
	g.Text(m, fc, s, cx-w/2, cy-g.LineHeight(fc, size)/2, size, col)
}

// truncate returns the longest prefix of s that fits maxW with "…" added.
func (g *Glyphs) truncate(fc Face, s string, maxW, size float32) string {
	k := scale(fc, size)
	limit := maxW/k - g.lookup(fc, '…').adv
	var w float32
	for i, r := range s {
		w += g.lookup(fc, r).adv
		if w > limit {
			if i == 0 {
				return ""
			}
			return s[:i] + "…"
		}
	}
	return s
}

func (m *Mesh) glyphQuad(gl glyph, x, base, k float32, c Color) {
	n := m.base()
	x0, y0, x1, y1 := x+gl.x0*k, base+gl.y0*k, x+gl.x1*k, base+gl.y1*k
	m.uvVertex(x0, y0, gl.u0, gl.v0, c)
	m.uvVertex(x1, y0, gl.u1, gl.v0, c)
	m.uvVertex(x1, y1, gl.u1, gl.v1, c)
	m.uvVertex(x0, y1, gl.u0, gl.v1, c)
	m.I = append(m.I, n, n+1, n+2, n, n+2, n+3)
}
