package render

import (
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/render/canvas"
)

// menuItems are the context menu's entries and the ecs actions they run;
// "" marks the entry handled here (add a node where the menu opened).
var menuItems = []struct{ label, action string }{
	{"Add node here", ""},
	{"Rename", "edit.rename"},
	{"Open subgraph", "nav.open"},
	{"Back to parent graph", "nav.back"},
	{"Duplicate", "edit.duplicate"},
	{"Delete", "edit.delete"},
	{"Undo", "edit.undo"},
	{"Redo", "edit.redo"},
	{"Fit all", "view.fit_all"},
	{"Keyboard shortcuts", "help.toggle"},
}

// openMenu selects what is under the pointer (as a left click would) and
// opens the context menu there, kept inside the window.
func openMenu(g *Game, in *ecs.Input) {
	click := ecs.Input{MouseX: in.MouseX, MouseY: in.MouseY, Width: in.Width, Height: in.Height, DT: in.DT}
	click.Pressed, click.Held = ecs.ButtonLeft, ecs.ButtonLeft
	g.Ed.Update(click)
	click.Pressed, click.Held, click.Released = 0, 0, ecs.ButtonLeft
	click.DT = 1
	g.Ed.Update(click)
	g.menuAt, g.kindOf = ecs.Vec{in.MouseX, in.MouseY}, ""
	items := g.Win.Menu.Items[:0]
	for _, it := range menuItems {
		items = append(items, it.label)
	}
	placeMenu(g, in, items)
}

// openKindMenu lists the node kinds at the pointer (over the inspector's
// Kind field); choosing one changes the selected node's kind.
func openKindMenu(g *Game, in *ecs.Input) {
	n, v := g.Ed.SelectedNode()
	if n != 1 {
		return
	}
	g.kindOf = v.ID
	placeMenu(g, in, append(g.Win.Menu.Items[:0], canvas.WorkflowKinds...))
}

// placeMenu opens a menu of items at the pointer, kept inside the window.
func placeMenu(g *Game, in *ecs.Input, items []string) {
	m := &g.Win.Menu
	*m = canvas.MenuView{Open: true, X: float32(in.MouseX), Y: float32(in.MouseY), Cursor: -1, Items: items}
	r := canvas.MenuRect(m)
	m.X = max(0, min(m.X, float32(in.Width)-r.W-4))
	m.Y = max(canvas.TopBarH, min(m.Y, float32(in.Height)-r.H-canvas.StatusBarH))
	g.redraw()
}

// menuInput tracks the pointer over an open menu; a click on an entry runs
// it, a click elsewhere or Escape closes the menu. It takes all input.
func menuInput(g *Game, in *ecs.Input, hit canvas.Hit) bool {
	m := &g.Win.Menu
	cursor := -1
	if hit.Where == canvas.OnMenu {
		cursor = hit.Index
	}
	if cursor != m.Cursor {
		m.Cursor = cursor
		g.redraw()
	}
	if in.Pressed != 0 || escape(in) {
		m.Open = false
		g.redraw()
		if cursor >= 0 && in.Pressed.Has(ecs.ButtonLeft) {
			runMenuItem(g, cursor)
		}
		g.kindOf = ""
	}
	return true
}

func runMenuItem(g *Game, i int) {
	if g.kindOf != "" {
		g.Ed.SetKind(g.kindOf, canvas.WorkflowKinds[i])
		g.kindOf = ""
		return
	}
	it := menuItems[i]
	if it.action != "" {
		g.Ed.Run(it.action)
		return
	}
	g.Ed.AddNodeAt("", g.menuAt)
}

func escape(in *ecs.Input) bool {
	for _, k := range in.Keys {
		if k.Key == ecs.KeyEscape {
			return true
		}
	}
	return false
}
