package panes

import "github.com/cimviz/cimviz/render/canvas"

// Colours of the dark theme: the editor's palette (render/canvas), so
// the live panels sit beside its cards without a seam.
var (
	colBackground = canvas.Hex(0x14161b, 1)
	colPanel      = canvas.Hex(0x1b1e25, 0.97)
	colOpaque     = canvas.Hex(0x1b1e25, 1)
	colPanelEdge  = canvas.Hex(0x2e3440, 1)
	colBar        = canvas.Hex(0x101216, 1)
	colText       = canvas.Hex(0xe6e9ef, 1)
	colTextDim    = canvas.Hex(0x9aa3b2, 1)
	colAccent     = canvas.Hex(0x4c9aff, 1)
	colError      = canvas.Hex(0xf85149, 1)
	colOK         = canvas.Hex(0x3fb950, 1)
	colField      = canvas.Hex(0x12151a, 1)
	colWarn       = canvas.Hex(0xd29922, 1)
	colEdge       = canvas.Hex(0x6b7385, 1)
	colNodeBody   = canvas.Hex(0x1f242d, 1)
	colHoverRow   = canvas.Hex(0xffffff, 0.04)
	colStripe     = canvas.Hex(0xffffff, 0.015)
	colBody       = canvas.Hex(0xa5c8ff, 1)
	colSelRow     = canvas.Hex(0x4c9aff, 0.22)
)

// kindColour tells events, commands and queries apart at a glance.
func kindColour(kind string) canvas.Color {
	switch kind {
	case "event":
		return colOK
	case "command":
		return colAccent
	case "query":
		return canvas.Hex(0xbc8cff, 1)
	}
	return colTextDim
}

// Sizes in pixels. Text is the atlas's UI face drawn 1:1, so it is crisp.
const (
	textSize = 14
	pad      = 10
	rowH     = 20
	buttonH  = 24
)
