package canvas

import (
	"math"
	"strings"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
	"github.com/mlange-42/arche/generic"
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

// Adapter fills a [Scene] and a [UIView] from an [ecs.Editor]. It keeps
// its lookup tables between frames so filling allocates little.
type Adapter struct {
	shapes map[graph.Point]Shape
	pairs  map[[2]uint64]int
	// the selected edge of the last fill (for the inspector) and how many
	selEdge  ecs.EdgeView
	selEdges int
	pos      *generic.Filter1[ecs.Position]
}

// NewAdapter returns an adapter.
func NewAdapter() *Adapter {
	return &Adapter{shapes: map[graph.Point]Shape{}, pairs: map[[2]uint64]int{}, pos: generic.NewFilter1[ecs.Position]()}
}

// Fill copies what the editor shows into s and u.
func (a *Adapter) Fill(ed *ecs.Editor, win *Window, s *Scene, u *UIView) {
	s.Reset()
	c := ed.Camera()
	s.Cam = Camera{X: float32(c.Center.X), Y: float32(c.Center.Y), Zoom: float32(c.Zoom), W: float32(c.Width), H: float32(c.Height)}
	s.Revision = ed.Revision()
	if g := ed.Grid(); g.Show {
		s.Grid = float32(g.Step)
	} else {
		s.Grid = 0
	}
	a.nodes(ed, s)
	a.groups(ed, s)
	a.edges(ed, s)
	a.gestures(ed, s)
	a.ui(ed, win, u)
}

// FillGraph copies the whole open graph into s (not only what the camera
// shows), for exports.
func (a *Adapter) FillGraph(ed *ecs.Editor, s *Scene) {
	s.Reset()
	s.Cam = Camera{Zoom: 1, W: float32(ed.Camera().Width), H: float32(ed.Camera().Height)}
	a.nodesIn(ed, s, ecs.Rect{Min: graph.Point{X: -math.MaxFloat32, Y: -math.MaxFloat32},
		Max: graph.Point{X: math.MaxFloat32, Y: math.MaxFloat32}})
	a.groups(ed, s)
	a.edges(ed, s)
}

func (a *Adapter) nodes(ed *ecs.Editor, s *Scene) {
	c := ed.Camera()
	view := c.Visible()
	m := 80 / c.Zoom
	view.Min, view.Max = view.Min.Sub(graph.Point{X: m, Y: m}), view.Max.Add(graph.Point{X: m, Y: m})
	a.nodesIn(ed, s, view)
}

func (a *Adapter) nodesIn(ed *ecs.Editor, s *Scene, view ecs.Rect) {
	clear(a.shapes)
	edit := ed.UI().Edit
	for v := range ed.NodesIn(view) {
		n := NodeView{X: float32(v.Pos.X), Y: float32(v.Pos.Y), W: float32(v.Size.W), H: float32(v.Size.H),
			GX: float32(v.Committed.X), GY: float32(v.Committed.Y), Shape: ShapeOf(v.Kind),
			Flags: nodeFlags(v), Pulse: float32(v.Pulse), Label: v.Label}
		if v.Editing {
			n.Label = edit.Text + "|"
		}
		s.Nodes = append(s.Nodes, n)
		a.shapes[v.Pos] = n.Shape
	}
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
		s.Nodes = append(s.Nodes, n)
		a.shapes[c] = ShapeFramed
	}
}

func (a *Adapter) edges(ed *ecs.Editor, s *Scene) {
	a.selEdge, a.selEdges = ecs.EdgeView{}, 0
	for v := range ed.Edges() {
		e := EdgeView{A: a.end(v.From), B: a.end(v.To), Pulse: float32(v.Pulse), Label: v.Label}
		if v.Selected {
			e.Flags |= EdgeSelected
			a.selEdge, a.selEdges = v, a.selEdges+1
		}
		s.Edges = append(s.Edges, e)
	}
	a.bendPairs(s.Edges)
}

// end is the attachment of an edge to a node box; nodes out of view keep
// the rounded-rectangle default (their clipping is never seen).
func (a *Adapter) end(r ecs.Rect) End {
	c := r.Center()
	shape := a.shapes[c]
	n := NodeView{X: float32(c.X), Y: float32(c.Y), W: float32(r.W()), H: float32(r.H()), Shape: shape}
	return EndOf(&n)
}

// bendPairs curves both edges of a two-way pair so they do not overlap.
func (a *Adapter) bendPairs(es []EdgeView) {
	clear(a.pairs)
	for i := range es {
		if es[i].A != es[i].B {
			a.pairs[[2]uint64{es[i].A.key(), es[i].B.key()}] = i
		}
	}
	for i := range es {
		if j, ok := a.pairs[[2]uint64{es[i].B.key(), es[i].A.key()}]; ok {
			es[i].Bend, es[j].Bend = 0.18, 0.18
		}
	}
}

// key identifies an end by its centre (two nodes never share one).
func (e End) key() uint64 {
	return uint64(math.Float32bits(e.X))<<32 | uint64(math.Float32bits(e.Y))
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

// minimap collects every node centre and the bounds of the graph.
func (a *Adapter) minimap(ed *ecs.Editor, mm *Minimap) {
	mm.Dots = mm.Dots[:0]
	q := a.pos.Query(ed.World())
	for q.Next() {
		p := q.Get().P
		mm.Dots = append(mm.Dots, Vec{float32(p.X), float32(p.Y)})
	}
	if len(mm.Dots) == 0 {
		return
	}
	mm.X0, mm.Y0, mm.X1, mm.Y1 = mm.Dots[0].X, mm.Dots[0].Y, mm.Dots[0].X, mm.Dots[0].Y
	for _, d := range mm.Dots {
		mm.X0, mm.Y0, mm.X1, mm.Y1 = min(mm.X0, d.X), min(mm.Y0, d.Y), max(mm.X1, d.X), max(mm.Y1, d.Y)
	}
	const margin = 80
	mm.X0, mm.Y0, mm.X1, mm.Y1 = mm.X0-margin, mm.Y0-margin, mm.X1+margin, mm.Y1+margin
	v := ed.Camera().Visible()
	mm.ViewX0, mm.ViewY0, mm.ViewX1, mm.ViewY1 = float32(v.Min.X), float32(v.Min.Y), float32(v.Max.X), float32(v.Max.Y)
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
