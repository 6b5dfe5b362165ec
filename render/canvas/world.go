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
// scene's nodes and edges are kept between fills: while the camera moves
// nothing is copied (the frame culls them to the view), after a hover, a
// selection, a pulse or a drag only the entities the editor marked (and
// the edges of moved nodes) are, and only structural changes copy the
// whole graph again.
type Adapter struct {
	slot    []int32        // scene node index by entity ID
	eslot   []int32        // scene edge index by entity ID
	nodeEnt []arche.Entity // the entity of each scene node
	edgeEnt []arche.Entity // the entity of each scene edge
	ends    [][2]int32     // the scene nodes at the ends of each scene edge
	bends   bendIndex
	inc     incidence
	// the selected edge of the last fill (for the inspector) and how many
	selEdge  ecs.EdgeView
	selEdges int
	// what the scene holds: which editor, which scene, how far its changes
	ed    *ecs.Editor
	scene *Scene
	mark  ecs.Mark
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
	a.follow(ed, s)
	a.gestures(ed, s)
	a.ui(ed, win, u)
}

// FillGraph copies the whole open graph into s, for exports.
func (a *Adapter) FillGraph(ed *ecs.Editor, s *Scene) {
	s.Reset()
	s.Cam = Camera{Zoom: 1, W: float32(ed.Camera().Width), H: float32(ed.Camera().Height)}
	a.fillWorld(ed, s, ed.AllNodes())
	s.Version++
	if a.scene == s {
		a.scene = nil
	}
}

// follow brings s up to date with the editor: a full copy when it holds
// another editor's graph or the editor says so, else the marked entities.
func (a *Adapter) follow(ed *ecs.Editor, s *Scene) {
	es, next, all := ed.Changes(a.mark)
	if len(es) > 0 || all || a.ed != ed || a.scene != s {
		s.Version++
	}
	if a.ed != ed || a.scene != s || all || !a.patch(ed, s, es) {
		a.fillWorld(ed, s, ed.AllNodes())
		a.ed, a.scene = ed, s
		a.mini.stale = true
	}
	a.mark = next
}

// fillWorld copies nodes, collapsed groups and edges into s.
func (a *Adapter) fillWorld(ed *ecs.Editor, s *Scene, nodes iter.Seq[ecs.NodeView]) {
	s.Nodes, s.Edges = s.Nodes[:0], s.Edges[:0]
	a.nodeEnt, a.edgeEnt = a.nodeEnt[:0], a.edgeEnt[:0]
	edit := ed.UI().Edit
	for v := range nodes {
		a.slot = place(a.slot, v.Entity, len(s.Nodes))
		s.Nodes = append(s.Nodes, sceneNode(v, edit))
		a.nodeEnt = append(a.nodeEnt, v.Entity)
	}
	a.groups(ed, s)
	a.edges(ed, s)
	a.inc.index(a.ends, len(s.Nodes))
}

// sceneNode is how the canvas draws node v.
func sceneNode(v ecs.NodeView, edit ecs.LabelEdit) NodeView {
	n := NodeView{X: float32(v.Pos.X), Y: float32(v.Pos.Y), W: float32(v.Size.W), H: float32(v.Size.H),
		GX: float32(v.Committed.X), GY: float32(v.Committed.Y), Shape: ShapeOf(v.Kind),
		Flags: nodeFlags(v), Pulse: float32(v.Pulse), Label: v.Label,
		Run: Runs{Running: int32(v.Run.Running), Waiting: int32(v.Run.Waiting), Failed: int32(v.Run.Failed)}}
	if v.Editing {
		n.Label = edit.Text + "|"
	}
	return n
}

// place records in table that entity e is item i.
func place(table []int32, e arche.Entity, i int) []int32 {
	id := int(e.ID())
	if id >= len(table) {
		table = append(table, make([]int32, id+1-len(table)+1024)...)
	}
	table[id] = int32(i)
	return table
}

// lookup returns the item of entity e in table if ents says it is e's.
func lookup(table []int32, ents []arche.Entity, e arche.Entity) int32 {
	id := int(e.ID())
	if id >= len(table) {
		return -1
	}
	if i := table[id]; int(i) < len(ents) && ents[i] == e {
		return i
	}
	return -1
}

// nodeAt returns the scene node index of entity e, or -1.
func (a *Adapter) nodeAt(e arche.Entity) int32 { return lookup(a.slot, a.nodeEnt, e) }

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
		a.slot = place(a.slot, g.Entity, len(s.Nodes))
		s.Nodes = append(s.Nodes, n)
		a.nodeEnt = append(a.nodeEnt, g.Entity)
	}
}

func (a *Adapter) edges(ed *ecs.Editor, s *Scene) {
	a.selEdge, a.selEdges = ecs.EdgeView{}, 0
	a.ends = a.ends[:0]
	for v := range ed.Edges() {
		i, j := a.nodeAt(v.Src), a.nodeAt(v.Dst)
		if v.Selected {
			a.selEdge, a.selEdges = v, a.selEdges+1
		}
		a.eslot = place(a.eslot, v.Entity, len(s.Edges))
		s.Edges = append(s.Edges, a.sceneEdge(s, v, i, j))
		a.edgeEnt = append(a.edgeEnt, v.Entity)
		a.ends = append(a.ends, [2]int32{i, j})
	}
	a.bends.bend(s.Edges, a.ends, len(s.Nodes))
}

// sceneEdge is how the canvas draws edge v between scene nodes i and j.
func (a *Adapter) sceneEdge(s *Scene, v ecs.EdgeView, i, j int32) EdgeView {
	e := EdgeView{A: a.end(s, i, v.From), B: a.end(s, j, v.To), Pulse: float32(v.Pulse), Label: v.Label}
	if v.Selected {
		e.Flags |= EdgeSelected
	}
	return e
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
