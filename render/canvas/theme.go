package canvas

// Palette colours of the dark theme. Kind accents follow the common
// "GitHub dark" hues so step kinds read at a glance.
var (
	colBackground = Hex(0x14161b, 1)
	colGridMinor  = Hex(0x1f232b, 1)
	colGridMajor  = Hex(0x2a2f3a, 1)
	colNodeBody   = Hex(0x1f242d, 1)
	colText       = Hex(0xe6e9ef, 1)
	colTextDim    = Hex(0x9aa3b2, 1)
	colEdge       = Hex(0x6b7385, 1)
	colAccent     = Hex(0x4c9aff, 1)
	colHover      = Hex(0xa5c8ff, 1)
	colShadow     = Hex(0x000000, 0.45)
	colMatch      = Hex(0x3dd6c6, 1)
	colPulse      = Hex(0xff7a59, 1)
	colRecursive  = Hex(0xd07cf0, 1)
	colPanel      = Hex(0x1b1e25, 0.97)
	colPanelEdge  = Hex(0x2e3440, 1)
	colBar        = Hex(0x101216, 1)
	colScrim      = Hex(0x07080a, 0.62)
	colError      = Hex(0xf85149, 1)
	colOK         = Hex(0x3fb950, 1)
	colField      = Hex(0x12151a, 1)
)

// accent is the colour of each node shape's border and tint.
var accent = [...]Color{
	ShapeRoundRect:     Hex(0x4c9aff, 1),
	ShapeCircle:        Hex(0x3fb950, 1),
	ShapeDoubleCircle:  Hex(0xf85149, 1),
	ShapeDiamond:       Hex(0xbc8cff, 1),
	ShapeHexagon:       Hex(0x39c5cf, 1),
	ShapeParallelogram: Hex(0xd29922, 1),
	ShapeOctagon:       Hex(0xdb61a2, 1),
	ShapeBar:           Hex(0xa0a8b8, 1),
	ShapeFramed:        Hex(0xf0883e, 1),
}

// mix returns a blend of a and b: k=0 is a, k=1 is b.
func mix(a, b Color, k float32) Color {
	return Color{a.R + (b.R-a.R)*k, a.G + (b.G-a.G)*k, a.B + (b.B-a.B)*k, a.A + (b.A-a.A)*k}
}

// bodyOf is the fill of a node of shape s: the dark body tinted by the accent.
func bodyOf(s Shape) Color { return mix(colNodeBody, accent[s], 0.16) }
