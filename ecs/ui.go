package ecs

// UI is a resource: the overlays and modal states render draws.
type UI struct {
	Help    bool      // the key help overlay is shown
	Palette Palette   // the command palette
	Find    FindBar   // the find bar
	Edit    LabelEdit // in-place label editing
	Path    []Crumb   // navigation path, outermost first; last is open
}

// Palette is the command palette state.
type Palette struct {
	Open    bool
	Query   string
	Results []ActionMatch
	Cursor  int
}

// FindBar is the find-nodes state.
type FindBar struct {
	Open    bool
	Query   string
	Matches []string // node IDs in graph order
	Current int      // index into Matches of the node shown
}

// LabelEdit is the in-place label editor state.
type LabelEdit struct {
	Active bool
	Node   string // node ID being edited
	Text   string // the text as typed so far
	Orig   string
	Fresh  bool // nothing typed yet: the first rune replaces the text
}

// Crumb is one step of the navigation path.
type Crumb struct {
	Graph string // graph ID
	Name  string // display name
	Via   string // node ID (in the previous graph) that was opened; "" at the root
}
