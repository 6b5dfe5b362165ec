package canvas

// NodeFlags are the presentation states a node is drawn with.
type NodeFlags uint8

// Node states.
const (
	NodeSelected  NodeFlags = 1 << iota
	NodeHovered             // under the pointer
	NodePending             // moved by the user, the command not yet confirmed
	NodeRef                 // stands for a subgraph
	NodeRecursive           // stands for a graph already open on the path
	NodeMatch               // matches the find query
	NodeCurrent             // the find bar's current match
	NodeEditing             // its label is being edited in place
)

// NodeView is one node as render needs it, in world units: X, Y is the
// centre, W, H the extent. GX, GY is the committed position while the node
// is pending (drawn as a ghost outline).
type NodeView struct {
	X, Y, W, H float32
	GX, GY     float32
	Shape      Shape
	Flags      NodeFlags
	Pulse      float32 // strength of an event pulse, 1 fresh .. 0 gone
	Label      string
	Run        Runs // a running workflow's instances at this step
}

// End is where an edge attaches: the centre, half extents (world units)
// and shape of the node (or collapsed group) at that end.
type End struct {
	X, Y, HW, HH float32
	Shape        Shape
}

// EndOf returns the attachment of an edge to node n.
func EndOf(n *NodeView) End {
	hw, hh := extent(n)
	return End{X: n.X, Y: n.Y, HW: hw, HH: hh, Shape: n.Shape}
}

// EdgeFlags are the presentation states of an edge.
type EdgeFlags uint8

// Edge states.
const (
	EdgeSelected EdgeFlags = 1 << iota
	EdgeHovered
)

// EdgeView is one edge between two ends, with a bend (0 draws a straight
// line; otherwise the curve's control point sits Bend times the length of
// the edge to its left). Equal ends draw a loop.
type EdgeView struct {
	A, B  End
	Bend  float32
	Flags EdgeFlags
	Pulse float32
	Label string
}

// Camera maps world units to screen pixels: (X, Y) is the world point at
// the middle of a W×H viewport, Zoom is pixels per world unit.
type Camera struct{ X, Y, Zoom, W, H float32 }

// ToScreen maps a world point to pixels.
func (c Camera) ToScreen(x, y float32) Vec {
	return Vec{(x-c.X)*c.Zoom + c.W/2, (y-c.Y)*c.Zoom + c.H/2}
}

// ToWorld maps pixels to a world point.
func (c Camera) ToWorld(p Vec) (float32, float32) {
	return (p.X-c.W/2)/c.Zoom + c.X, (p.Y-c.H/2)/c.Zoom + c.Y
}

// Link is an edge being drawn by the user, from a node to the pointer.
type Link struct {
	Active   bool
	From, To Vec // world units
}

// Box is a rubber-band selection rectangle in world units.
type Box struct {
	Active         bool
	X0, Y0, X1, Y1 float32
}

// Scene is everything the canvas shows in one frame. It is a plain value
// filled from the ecs world (or by hand in tests and benchmarks), so
// building vertices from it needs no display.
type Scene struct {
	Nodes    []NodeView
	Edges    []EdgeView
	Cam      Camera
	Link     Link
	Box      Box
	Grid     float32 // grid step in world units; 0 hides the grid
	Revision uint64  // changes whenever anything visible changed
	// Version changes whenever Nodes or Edges changed; 0 (a scene filled
	// by hand) means unknown, so the frame keeps no index of them.
	Version uint64
}

// Reset empties the scene, keeping its storage.
func (s *Scene) Reset() {
	s.Nodes, s.Edges = s.Nodes[:0], s.Edges[:0]
	s.Link, s.Box = Link{}, Box{}
}
