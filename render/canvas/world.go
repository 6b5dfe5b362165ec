package canvas

import (
	"iter"
	"strings"

	"github.com/cimviz/cimviz/ecs"
	arche "github.com/mlange-42/arche/ecs"
)

// WorkflowKinds are the node kinds offered by the palette panel.
var WorkflowKinds = []string{"start", "end", "manual", "automated", "decision", "approval", "fork", "join", "subworkflow"}

// Window is what the window side knows that the ecs world does not: the
// connection, the frame rate, and the window's own menus.
type Window struct {
	Conn   string
	Online bool
	FPS    float64
	Menu   MenuView
	Graphs GraphList
	Drag   DragView
}

// Adapter fills a [Scene] and a [UIView] from an [ecs.Editor]. The
// scene's nodes and edges are copied only when the editor's scene
// revision changed (an edit, the selection, a hover, a pulse): while the
// camera moves they are kept, and the frame culls them to the view.
type Adapter struct {
	slot  []int32    // scene node index by entity ID (for edge ends)
	ends  [][2]int32 // the scene nodes at the ends of each scene edge
	bends bendIndex
	// the selected edge of the last fill (for the inspector) and how many
	selEdge  ecs.EdgeView
	selEdges int
	// what the scene holds: which editor, which scene, which revision
	ed    *ecs.Editor
	scene *Scene
	rev   uint64
	mini  miniCache
}

// NewAdapter returns an adapter.
func NewAdapter() *Adapter { return &Adapter{} }

// Fill copies what the editor shows into s and u.
func (a *Adapter) Fill(ed *ecs.Editor, win *Window, s *Scene, u *UIView) {
	s.Link, s.Box = Link{}, Box{}
	c := ed.Camera()
	s.Cam = Camera{X: float32(c.Center.X), Y: float32(c.Center.Y), Zoom: float32(c.Zoom), W: float32(c.Width), H: float32(c.Height)}
	s.Revision = ed.Revision()
	if g := ed.Grid(); g.Show {
		s.Grid = float32(g.Step)
	} else {
		s.Grid = 0
	}
	if a.ed != ed || a.scene != s || a.rev != ed.SceneRevision() {
		a.fillWorld(ed, s, ed.AllNodes())
		a.ed, a.scene, a.rev = ed, s, ed.SceneRevision()
		a.mini.stale = true
	}
	a.gestures(ed, s)
	a.ui(ed, win, u)
}

// FillGraph copies the whole open graph into s, for exports.
func (a *Adapter) FillGraph(ed *ecs.Editor, s *Scene) {
	s.Reset()
	s.Cam = Camera{Zoom: 1, W: float32(ed.Camera().Width), H: float32(ed.Camera().Height)}
	a.fillWorld(ed, s, ed.AllNodes())
	if a.scene == s {
		a.scene = nil
	}
}

// fillWorld copies nodes, collapsed groups and edges into s.
func (a *Adapter) fillWorld(ed *ecs.Editor, s *Scene, nodes iter.Seq[ecs.NodeView]) {
	s.Nodes, s.Edges = s.Nodes[:0], s.Edges[:0]
	edit := ed.UI().Edit
	for v := range nodes {
		n := NodeView{X: float32(v.Pos.X), Y: float32(v.Pos.Y), W: float32(v.Size.W), H: float32(v.Size.H),
			GX: float32(v.Committed.X), GY: float32(v.Committed.Y), Shape: ShapeOf(v.Kind),
			Flags: nodeFlags(v), Pulse: float32(v.Pulse), Label: v.Label}
		if v.Editing {
			n.Label = edit.Text + "|"
		}
		a.place(v.Entity, len(s.Nodes))
		s.Nodes = append(s.Nodes, n)
	}
	a.groups(ed, s)
	a.edges(ed, s)
}

// place records that entity e is scene node i.
func (a *Adapter) place(e arche.Entity, i int) {
	id := int(e.ID())
	if id >= len(a.slot) {
		a.slot = append(a.slot, make([]int32, id+1-len(a.slot)+1024)...)
	}
	a.slot[id] = int32(i)
}

// nodeAt returns the scene node index of entity e, or -1.
func (a *Adapter) nodeAt(s *Scene, e arche.Entity) int32 {
	id := int(e.ID())
	if id >= len(a.slot) {
		return -1
	}
	if i := a.slot[id]; int(i) < len(s.Nodes) {
		return i
	}
	return -1
}

func nodeFlags(v ecs.NodeView) NodeFlags {
	var f NodeFlags
	set := func(on bool, b NodeFlags) {
		if on {
			f |= b
		}
	}
	set(v.Selected, NodeSelected)
	set(v.Hovered, NodeHovered)
	set(v.Ghost, NodePending)
	set(v.Ref != "", NodeRef)
	set(v.Recursive, NodeRecursive)
	set(v.Match, NodeMatch)
	set(v.Current, NodeCurrent)
	set(v.Editing, NodeEditing)
	return f
}

// groups draws collapsed boxes as framed nodes.
func (a *Adapter) groups(ed *ecs.Editor, s *Scene) {
	for _, g := range ed.Groups() {
		c := g.Box.Center()
		n := NodeView{X: float32(c.X), Y: float32(c.Y), W: float32(g.Box.W()), H: float32(g.Box.H()),
			GX: float32(c.X), GY: float32(c.Y), Shape: ShapeFramed, Label: g.Label}
		if g.Selected {
			n.Flags |= NodeSelected
		}
		a.place(g.Entity, len(s.Nodes))
		s.Nodes = append(s.Nodes, n)
	}
}

func (a *Adapter) edges(ed *ecs.Editor, s *Scene) {
	a.selEdge, a.selEdges = ecs.EdgeView{}, 0
	a.ends = a.ends[:0]
	for v := range ed.Edges() {
		i, j := a.nodeAt(s, v.Src), a.nodeAt(s, v.Dst)
		e := EdgeView{A: a.end(s, i, v.From), B: a.end(s, j, v.To), Pulse: float32(v.Pulse), Label: v.Label}
		if v.Selected {
			e.Flags |= EdgeSelected
			a.selEdge, a.selEdges = v, a.selEdges+1
		}
		s.Edges = append(s.Edges, e)
		a.ends = append(a.ends, [2]int32{i, j})
	}
	a.bends.bend(s.Edges, a.ends, len(s.Nodes))
}

// end is the attachment of an edge to scene node i, or to the box r when
// the end is not in the scene.
func (a *Adapter) end(s *Scene, i int32, r ecs.Rect) End {
	if i >= 0 {
		return EndOf(&s.Nodes[i])
	}
	c := r.Center()
	return EndOf(&NodeView{X: float32(c.X), Y: float32(c.Y), W: float32(r.W()), H: float32(r.H())})
}

func (a *Adapter) gestures(ed *ecs.Editor, s *Scene) {
	if from, to, ok := ed.ConnectLine(); ok {
		c := from.Center()
		s.Link = Link{Active: true, From: Vec{float32(c.X), float32(c.Y)}, To: Vec{float32(to.X), float32(to.Y)}}
	}
	if r, ok := ed.SelectionBox(); ok {
		s.Box = Box{Active: true, X0: float32(r.Min.X), Y0: float32(r.Min.Y), X1: float32(r.Max.X), Y1: float32(r.Max.Y)}
	}
}

// helpRows lists the keymap for the help overlay.
func helpRows(km ecs.Keymap) []HelpRow {
	rows := make([]HelpRow, 0, len(km))
	for _, a := range km {
		rows = append(rows, HelpRow{Category: a.Category, Keys: chords(a), Desc: a.Desc})
	}
	return rows
}

func chords(a ecs.Action) string {
	parts := make([]string, len(a.Chords))
	for i, c := range a.Chords {
		parts[i] = c.String()
	}
	return strings.Join(parts, ", ")
}

// counts reads the node and edge totals from the editor's lookup.
func counts(ed *ecs.Editor) (int, int) {
	w := ed.World()
	if !w.Resources().Has(arche.ResourceID[ecs.Lookup](w)) {
		return 0, 0
	}
	l := arche.GetResource[ecs.Lookup](w)
	return len(l.Nodes), len(l.Edges)
}
