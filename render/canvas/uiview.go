package canvas

// UIView is what the panels and overlays show in one frame: a plain value
// filled from the ecs world by [FromEditor].
type UIView struct {
	W, H      float32
	Crumbs    []string
	Status    StatusView
	Kinds     []string // the node kinds of the palette panel
	Inspector Inspector
	Mini      Minimap
	Help      []HelpRow // nil when the help overlay is closed
	Palette   PaletteView
	Find      FindView
	Menu      MenuView
	Graphs    GraphList
	Drag      DragView
}

// DragView is a node kind being dragged from the palette to the canvas.
type DragView struct {
	Active bool
	Kind   string
	X, Y   float32
}

// StatusView is the status bar's content.
type StatusView struct {
	Conn         string // "local", "nats://…"
	Online       bool
	Graph        string
	Nodes, Edges int
	FPS          float64
	Pending      int // commands sent, not yet answered
	Message      string
	Err          bool
	Zoom         float32
}

// Inspector shows the selected node or edge as editable fields.
type Inspector struct {
	Open   bool
	Title  string
	Fields []Field
}

// Field is one row of the inspector; Editing shows a caret after Value.
type Field struct {
	Name, Value string
	Editing     bool
}

// Minimap shows every node as a dot and the camera's viewport as a frame.
type Minimap struct {
	Dots                           []Vec // node centres, world units
	X0, Y0, X1, Y1                 float32
	ViewX0, ViewY0, ViewX1, ViewY1 float32
}

// HelpRow is one line of the help overlay.
type HelpRow struct{ Category, Keys, Desc string }

// PaletteView is the command palette.
type PaletteView struct {
	Open   bool
	Query  string
	Items  []HelpRow
	Cursor int
}

// FindView is the find bar.
type FindView struct {
	Open           bool
	Query          string
	Count, Current int
}

// MenuView is a context menu at a screen position.
type MenuView struct {
	Open   bool
	X, Y   float32
	Items  []string
	Cursor int
}

// GraphList is the graph browser: the graphs one can open, by ID and
// display name; Current is the index of the open root graph (-1: none).
type GraphList struct {
	IDs, Names []string
	Current    int
}
