package ecs

import (
	"image/color"
	"math"

	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
)

// Clock is a resource: time since the editor started and the last tick's
// step, both in seconds.
type Clock struct {
	Now, DT float64
	Tick    int64
}

// Theme is a resource: the colours render uses.
type Theme struct {
	Background, Grid, Node, NodeBorder, Selected, Hover color.RGBA
	Edge, EdgeLabel, Text, Ghost, Box, Handle           color.RGBA
	Pulse, Recursive, Group, Match, StatusBar, Overlay  color.RGBA
}

// DefaultTheme is a dark theme.
func DefaultTheme() Theme {
	return Theme{
		Background: rgb(0x1e, 0x1f, 0x26), Grid: rgb(0x2a, 0x2c, 0x36),
		Node: rgb(0x33, 0x4a, 0x6e), NodeBorder: rgb(0x8a, 0xa4, 0xd0),
		Selected: rgb(0xff, 0xc8, 0x57), Hover: rgb(0xb0, 0xd0, 0xff),
		Edge: rgb(0x9a, 0x9e, 0xb0), EdgeLabel: rgb(0xc0, 0xc4, 0xd0),
		Text: rgb(0xee, 0xee, 0xf2), Ghost: color.RGBA{0x8a, 0xa4, 0xd0, 0x70},
		Box: color.RGBA{0x57, 0x9b, 0xff, 0x40}, Handle: rgb(0x6c, 0xe0, 0x9a),
		Pulse: rgb(0xff, 0x7a, 0x59), Recursive: rgb(0xd0, 0x6c, 0xe0),
		Group: rgb(0x44, 0x55, 0x44), Match: rgb(0x6c, 0xe0, 0xd0),
		StatusBar: rgb(0x14, 0x15, 0x1a), Overlay: color.RGBA{0x10, 0x10, 0x14, 0xe0},
	}
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// Grid is a resource: the background grid and snapping.
type Grid struct {
	Step float64 // world units between lines
	Snap bool    // positions chosen by the user snap to the grid
	Show bool
}

// SnapPoint rounds p to the grid when snapping is on.
func (g *Grid) SnapPoint(p graph.Point) graph.Point {
	if !g.Snap || g.Step <= 0 {
		return p
	}
	return graph.Point{X: math.Round(p.X/g.Step) * g.Step, Y: math.Round(p.Y/g.Step) * g.Step}
}

// Status is a resource: what the status bar shows.
type Status struct {
	Message string  // last message for the user
	IsError bool    // Message reports a failure
	Since   float64 // clock time the message was set
	Pending int     // commands sent and not yet answered
}

// Revision is a resource: N grows whenever anything visible changes, so
// render can skip redrawing an idle editor; Scene grows only when a node,
// edge or group (or how one is drawn) changed, so render can keep its copy
// of them while the camera moves; Shape grows when more changed than the
// marked entities (see [Editor.Changes]).
type Revision struct{ N, Scene, Shape uint64 }

// Mode is what a pointer drag is doing.
type Mode uint8

// Pointer modes.
const (
	ModeIdle    Mode = iota
	ModePress        // button down, not yet moved past the drag threshold
	ModeDrag         // moving selected nodes
	ModeBox          // rubber-band selection
	ModeConnect      // dragging a new edge from a node's handle
	ModePan          // moving the camera
)

// Pointer is a resource: the state of the current mouse gesture.
type Pointer struct {
	Mode      Mode
	Start     Vec          // screen position where the gesture began
	StartW    graph.Point  // the same in world units
	Last      Vec          // screen position at the previous tick
	Box       Rect         // world rectangle of a rubber band (ModeBox)
	ConnectTo graph.Point  // world end of a new edge (ModeConnect)
	From      string       // node ID a new edge starts at (ModeConnect)
	FromBox   Rect         // that node's box
	Additive  bool         // Shift/Ctrl held at the press
	Hit       arche.Entity // node or group under the press
	HitOK     bool
	Base      map[arche.Entity]graph.Point // drawn positions when a drag began
	PressAt   float64                      // clock time of this gesture's press
	LastClick float64                      // press time of the last plain click, 0 if none
	LastAt    Vec                          // and where it was
}
