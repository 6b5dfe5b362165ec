package canvas

import (
	"github.com/cimviz/cimviz/ecs"
	"github.com/mlange-42/arche/generic"
)

// ui fills the panels' view from the editor and the window.
func (a *Adapter) ui(ed *ecs.Editor, win *Window, u *UIView) {
	c := ed.Camera()
	u.W, u.H = float32(c.Width), float32(c.Height)
	u.Crumbs = u.Crumbs[:0]
	for _, cr := range ed.Breadcrumbs() {
		u.Crumbs = append(u.Crumbs, crumbName(cr))
	}
	a.status(ed, win, u)
	u.Kinds = WorkflowKinds
	a.inspector(ed, &u.Inspector)
	a.minimap(ed, &u.Mini)
	a.overlays(ed, win, u)
}

func crumbName(c ecs.Crumb) string {
	if c.Name != "" {
		return c.Name
	}
	return c.Graph
}

func (a *Adapter) status(ed *ecs.Editor, win *Window, u *UIView) {
	st := ed.Status()
	n, e := counts(ed)
	u.Status = StatusView{Conn: win.Conn, Online: win.Online, Nodes: n, Edges: e, FPS: win.FPS,
		Pending: st.Pending, Message: st.Message, Err: st.IsError, Zoom: float32(ed.Camera().Zoom)}
	if len(u.Crumbs) > 0 {
		u.Status.Graph = u.Crumbs[len(u.Crumbs)-1]
	}
}

// inspector shows the single selected node's fields, or a count.
func (a *Adapter) inspector(ed *ecs.Editor, in *Inspector) {
	n, v := ed.SelectedNode()
	in.Fields = in.Fields[:0]
	in.Open = n > 0
	if n == 0 && a.selEdges == 1 {
		a.edgeInspector(ed, in)
		return
	}
	if n != 1 {
		in.Title = itoa(n) + " nodes selected"
		return
	}
	edit := ed.UI().Edit
	label := Field{Name: "Label", Value: v.Label}
	if edit.Active && edit.Node == v.ID {
		label.Value, label.Editing = edit.Text, true
	}
	in.Title = "Node " + v.ID
	in.Fields = append(in.Fields, label, Field{Name: "Kind", Value: kindName(v.Kind)})
	if v.Ref != "" {
		in.Fields = append(in.Fields, Field{Name: "Opens graph", Value: v.Ref})
	}
	in.Fields = append(in.Fields, Field{Name: "Position", Value: itoa(int(v.Pos.X)) + ", " + itoa(int(v.Pos.Y))})
}

// edgeInspector shows the one selected edge.
func (a *Adapter) edgeInspector(ed *ecs.Editor, in *Inspector) {
	m := generic.NewMap[ecs.Edge](ed.World())
	if !ed.World().Alive(a.selEdge.Entity) || !m.Has(a.selEdge.Entity) {
		return
	}
	e := m.Get(a.selEdge.Entity)
	in.Open, in.Title = true, "Edge "+e.ID
	in.Fields = append(in.Fields, Field{Name: "Label", Value: e.Label}, Field{Name: "From", Value: e.FromID},
		Field{Name: "To", Value: e.ToID}, Field{Name: "Kind", Value: e.Kind})
}

func kindName(k string) string {
	if k == "" {
		return "task"
	}
	return k
}

func (a *Adapter) overlays(ed *ecs.Editor, win *Window, u *UIView) {
	ui := ed.UI()
	u.Help = nil
	if ui.Help {
		u.Help = helpRows(ed.Keymap())
	}
	u.Palette = PaletteView{Open: ui.Palette.Open, Query: ui.Palette.Query, Cursor: ui.Palette.Cursor}
	for _, r := range ui.Palette.Results {
		u.Palette.Items = append(u.Palette.Items, HelpRow{Category: r.Action.Category, Keys: chords(r.Action), Desc: r.Action.Desc})
	}
	u.Find = FindView{Open: ui.Find.Open, Query: ui.Find.Query, Count: len(ui.Find.Matches), Current: ui.Find.Current}
	u.Menu, u.Graphs, u.Drag = win.Menu, win.Graphs, win.Drag
	u.Graphs.Current = -1
	if path := ed.Breadcrumbs(); len(path) > 0 {
		for i, id := range u.Graphs.IDs {
			if id == path[0].Graph {
				u.Graphs.Current = i
			}
		}
	}
}
