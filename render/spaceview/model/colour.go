package model

import (
	"math"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/render/canvas"
)

// palette colours concepts of spaces that are not colour spaces.
var palette = []canvas.Color{
	canvas.Hex(0x4c9aff, 1), canvas.Hex(0x3fb950, 1), canvas.Hex(0xf85149, 1), canvas.Hex(0xbc8cff, 1),
	canvas.Hex(0x39c5cf, 1), canvas.Hex(0xd29922, 1), canvas.Hex(0xdb61a2, 1), canvas.Hex(0xf0883e, 1),
	canvas.Hex(0xa0a8b8, 1), canvas.Hex(0x7ee787, 1),
}

// Colours gives each concept its colour: in a colour space (dimensions
// hue, saturation and brightness) the colour its prototype stands for,
// otherwise one of the palette's.
func Colours(sp *space.Space) []canvas.Color {
	out := make([]canvas.Color, len(sp.Concepts))
	hsb := isColourSpace(sp)
	for i, c := range sp.Concepts {
		out[i] = palette[i%len(palette)]
		if hsb {
			p := c.Prototype
			out[i] = HSB(p["hue"].Num/hueRange(sp), p["saturation"].Num, p["brightness"].Num)
		}
	}
	return out
}

func isColourSpace(sp *space.Space) bool {
	for _, n := range []string{"hue", "saturation", "brightness"} {
		i := sp.Dimension(n)
		if i < 0 || sp.Dimensions[i].Kind == space.Ordinal || sp.Dimensions[i].Kind == space.Categorical {
			return false
		}
	}
	return true
}

func hueRange(sp *space.Space) float64 {
	lo, hi := Range(sp.Dimensions[sp.Dimension("hue")])
	return hi - lo
}

// HSB is the RGB colour of hue h (0..1 of the circle), saturation s and
// brightness b (0..1), opaque.
func HSB(h, s, b float64) canvas.Color {
	h = math.Mod(math.Mod(h, 1)+1, 1) * 6
	s, b = clamp01(s), clamp01(b)
	f := h - math.Floor(h)
	p, q, t := b*(1-s), b*(1-s*f), b*(1-s*(1-f))
	var r, g, bl float64
	switch int(h) % 6 {
	case 0:
		r, g, bl = b, t, p
	case 1:
		r, g, bl = q, b, p
	case 2:
		r, g, bl = p, b, t
	case 3:
		r, g, bl = p, q, b
	case 4:
		r, g, bl = t, p, b
	default:
		r, g, bl = b, p, q
	}
	return canvas.Color{R: float32(r), G: float32(g), B: float32(bl), A: 1}
}
