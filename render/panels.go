package render

import (
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/render/canvas"
)

// panelInput handles pointer input that lands on the window's own panels
// (minimap, node palette, graph browser, context menu) before the ecs
// systems see it.
type panelInput struct {
	miniDrag bool
	dragKind string
}

// handle returns true when a panel consumed the input.
func (p *panelInput) handle(g *Game, in *ecs.Input) bool {
	if g.built == 0 { // nothing drawn yet: lay the panels out now
		g.adapter.Fill(g.Ed, &g.Win, &g.scene, &g.ui)
	}
	l := canvas.LayoutFor(&g.ui)
	at := canvas.Vec{X: float32(in.MouseX), Y: float32(in.MouseY)}
	hit := l.HitTest(&g.ui, at)
	switch {
	case g.Win.Menu.Open:
		return menuInput(g, in, hit)
	case p.dragKind != "":
		return p.dropKind(g, in, hit)
	case p.miniDrag || (hit.Where == canvas.OnMinimap && in.Pressed.Has(ecs.ButtonLeft)):
		return p.minimap(g, in, l, at)
	case !in.Pressed.Has(ecs.ButtonLeft) && !in.Pressed.Has(ecs.ButtonRight):
		return hit.Where != canvas.OnCanvas && in.WheelY != 0
	}
	return p.press(g, in, hit)
}

// press handles a button going down.
func (p *panelInput) press(g *Game, in *ecs.Input, hit canvas.Hit) bool {
	switch {
	case hit.Where == canvas.OnCanvas && in.Pressed.Has(ecs.ButtonRight):
		openMenu(g, in)
	case hit.Where == canvas.OnKinds && hit.Index >= 0:
		p.dragKind = g.ui.Kinds[hit.Index]
		p.dropKind(g, in, hit)
	case hit.Where == canvas.OnTopBar:
		backTo(g, g.r.Frame.CrumbAt(float32(in.MouseX)))
	case hit.Where == canvas.OnGraphs && hit.Index >= 0:
		openGraph(g, g.ui.Graphs.IDs[hit.Index])
	case hit.Where == canvas.OnInspector && hit.Index == 0:
		g.Ed.Run("edit.rename")
	case hit.Where == canvas.OnInspector && hit.Index == 1:
		openKindMenu(g, in)
	}
	return hit.Where != canvas.OnCanvas || in.Pressed.Has(ecs.ButtonRight)
}

// minimap centres the camera on the clicked point, following a drag.
func (p *panelInput) minimap(g *Game, in *ecs.Input, l canvas.Layout, at canvas.Vec) bool {
	p.miniDrag = in.Held.Has(ecs.ButtonLeft)
	x, y := l.MiniToWorld(&g.ui, at)
	cam := g.Ed.Camera()
	cam.Center.X, cam.Center.Y = float64(x), float64(y)
	g.redraw()
	return true
}

// dropKind adds a node of the dragged kind where the button is released
// on the canvas.
func (p *panelInput) dropKind(g *Game, in *ecs.Input, hit canvas.Hit) bool {
	g.Win.Drag = canvas.DragView{Active: true, Kind: p.dragKind, X: float32(in.MouseX), Y: float32(in.MouseY)}
	g.redraw()
	if !in.Released.Has(ecs.ButtonLeft) {
		return true
	}
	kind := p.dragKind
	p.dragKind, g.Win.Drag = "", canvas.DragView{}
	if hit.Where == canvas.OnCanvas {
		g.Ed.AddNodeAt(kind, ecs.Vec{in.MouseX, in.MouseY})
	}
	return true
}

// backTo goes up the navigation path to breadcrumb i.
func backTo(g *Game, i int) {
	if i < 0 {
		return
	}
	for n := len(g.Ed.Breadcrumbs()) - 1; n > i; n-- {
		g.Ed.Back()
	}
}

// openGraph shows another graph of the document as the root.
func openGraph(g *Game, id string) {
	if g.Source == nil {
		return
	}
	if gr, ok := g.Source(id); ok {
		g.Ed.Load(gr)
		g.Ed.Run("view.fit_all")
	}
}

// Source finds a graph by ID (the graph browser opens graphs with it).
type Source func(id string) (*graph.Graph, bool)
