package render

import (
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/render/canvas"
)

// panelInput handles pointer input that lands on the window's own panels
// (minimap, node palette) before the ecs systems see it.
type panelInput struct {
	miniDrag bool
	dragKind string
}

// handle returns true when a panel consumed the input.
func (p *panelInput) handle(g *Game, in *ecs.Input) bool {
	l := canvas.LayoutFor(&g.ui)
	at := canvas.Vec{X: float32(in.MouseX), Y: float32(in.MouseY)}
	hit := l.HitTest(&g.ui, at)
	if p.dragKind != "" {
		return p.dropKind(g, in, hit)
	}
	if p.miniDrag || (hit.Where == canvas.OnMinimap && in.Pressed.Has(ecs.ButtonLeft)) {
		return p.minimap(g, in, l, at)
	}
	if hit.Where == canvas.OnKinds && in.Pressed.Has(ecs.ButtonLeft) && hit.Index >= 0 {
		p.dragKind = g.ui.Kinds[hit.Index]
		return true
	}
	return hit.Where != canvas.OnCanvas && (in.Pressed != 0 || in.WheelY != 0)
}

// minimap centres the camera on the clicked point, following a drag.
func (p *panelInput) minimap(g *Game, in *ecs.Input, l canvas.Layout, at canvas.Vec) bool {
	p.miniDrag = in.Held.Has(ecs.ButtonLeft)
	x, y := l.MiniToWorld(&g.ui, at)
	cam := g.Ed.Camera()
	cam.Center.X, cam.Center.Y = float64(x), float64(y)
	g.Ed.Update(ecs.Input{Width: in.Width, Height: in.Height, MouseX: -1, MouseY: -1})
	g.drew = false
	return true
}

// dropKind adds a node of the dragged kind where the button is released
// on the canvas.
func (p *panelInput) dropKind(g *Game, in *ecs.Input, hit canvas.Hit) bool {
	if !in.Released.Has(ecs.ButtonLeft) {
		return true
	}
	kind := p.dragKind
	p.dragKind = ""
	if hit.Where == canvas.OnCanvas {
		g.Ed.AddNodeAt(kind, ecs.Vec{in.MouseX, in.MouseY})
	}
	return true
}
