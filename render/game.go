package render

import (
	"fmt"
	"image"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/hajimehoshi/ebiten/v2"
)

// Service is the source of truth the editor's commands go to: the ecs
// local service, or the NATS bridge's driver.
type Service interface {
	Pump(ed *ecs.Editor) int
}

// Live is what a service on a network may also tell: whether the world has
// been built (a script waits for it) and the link for the status bar.
type Live interface {
	Live() bool
	Connection() (text string, online bool)
}

// Overlay is UI drawn over the editor that sees the input first (the live
// event-flow panels). ReadOnly turns the editor's own editing off (the
// world shows the past).
type Overlay interface {
	Update(in ecs.Input, area image.Rectangle) (consumed bool)
	Draw(dst *ebiten.Image, area image.Rectangle)
	Revision() uint64
	ReadOnly() bool
}

// Coverer is an Overlay that docks panels over the canvas: it says how far
// they reach in from the right and bottom of its area, and fitting the
// graph keeps clear of them.
type Coverer interface {
	Covered(area image.Rectangle) (right, bottom float64)
}

// Game is the ebiten game of the editor window: Update reads input and
// runs the ecs systems; Draw rebuilds the frame only when the ecs revision
// (or the window size) changed, so an idle editor costs almost nothing.
type Game struct {
	Ed      *ecs.Editor
	Svc     Service
	Win     canvas.Window
	Source  Source // where the graph browser opens graphs; nil hides it
	Overlay Overlay
	overRev uint64
	r       *Renderer
	adapter *canvas.Adapter
	scene   canvas.Scene
	ui      canvas.UIView
	input   InputReader
	panel   panelInput
	pace    pacer
	script  []ecs.Input
	idleAt  ecs.Vec
	menuAt  ecs.Vec // where the context menu was opened
	kindOf  string  // the node whose kind the open menu chooses ("": the context menu)
	tick    int
	drawn   uint64
	size    image.Point
	capture *Capture
	err     error
	drew    bool
	built   int
}

// FramesBuilt counts the frames Draw actually rebuilt (an idle editor
// skips the rest).
func (g *Game) FramesBuilt() int { return g.built }

// Capture asks the game to take one snapshot once the scene has settled
// (the script played and Settle idle ticks passed) and then stop.
type Capture struct {
	Settle int
	Save   func(*image.RGBA) error
	idle   int
}

// NewGame wires an editor and its service to a renderer.
func NewGame(ed *ecs.Editor, svc Service, win canvas.Window) (*Game, error) {
	r, err := NewRenderer()
	if err != nil {
		return nil, err
	}
	return &Game{Ed: ed, Svc: svc, Win: win, r: r, adapter: canvas.NewAdapter(), idleAt: ecs.Vec{-1, -1}}, nil
}

// Play makes the game read its input from frames (one per tick) instead of
// the devices; once they run out the devices take over (or, when a capture
// is pending, input stays idle).
func (g *Game) Play(frames []ecs.Input) { g.script = frames }

// CaptureWhenSettled sets up a snapshot-and-exit run.
func (g *Game) CaptureWhenSettled(c *Capture) { g.capture = c }

// redraw forces the next Draw to rebuild the frame even though the ecs
// revision did not change (window-side state such as menus changed).
func (g *Game) redraw() { g.drew = false }

// Renderer returns the renderer (for draw-call statistics).
func (g *Game) Renderer() *Renderer { return g.r }

// Update implements ebiten.Game.
func (g *Game) Update() error {
	if g.err != nil {
		return g.err
	}
	if live, ok := g.Svc.(Live); ok {
		if text, online := live.Connection(); text != g.Win.Conn || online != g.Win.Online {
			g.Win.Conn, g.Win.Online = text, online
			g.redraw()
		}
		if !live.Live() {
			g.Svc.Pump(g.Ed) // still building the world: no input, no script yet
			return nil
		}
	}
	in := g.nextInput()
	if dt := g.pace.tick(&in, g.Ed.Revision(), g.tick < len(g.script) || g.capture != nil); dt > 0 {
		in.DT = dt
	}
	g.Ed.Camera().Insets = g.insets()
	if !g.overlayTook(in) && !g.panel.handle(g, &in) {
		g.Ed.Update(in)
	}
	if g.Svc != nil {
		g.Svc.Pump(g.Ed)
	}
	if g.tick >= len(g.script) && g.capture == nil {
		ebiten.SetCursorShape(cursorFor(g.Ed.Pointer().Mode, g.panel.dragKind != ""))
	}
	g.tick++
	return g.settle()
}

// overlayTook lets the overlay see the input first. While it is read-only
// the editor gets no input at all: nothing can be edited.
func (g *Game) overlayTook(in ecs.Input) bool {
	if g.Overlay == nil {
		return false
	}
	took := g.Overlay.Update(in, g.overlayArea())
	if g.Overlay.Revision() != g.overRev {
		g.redraw()
	}
	return took || g.Overlay.ReadOnly()
}

// insets are the window's bars and side panels plus what the overlay
// docks over the canvas.
func (g *Game) insets() ecs.Insets {
	in := ecs.DefaultInsets
	if c, ok := g.Overlay.(Coverer); ok {
		r, b := c.Covered(g.overlayArea())
		in.Right += r
		in.Bottom += b
	}
	return in
}

// overlayArea is the window between the top bar and the status bar.
func (g *Game) overlayArea() image.Rectangle {
	return image.Rect(0, canvas.TopBarH, g.size.X, g.size.Y-canvas.StatusBarH)
}

// cursorFor shows what a gesture does: moving things, or drawing an edge.
func cursorFor(m ecs.Mode, dragging bool) ebiten.CursorShapeType {
	switch {
	case m == ecs.ModeDrag || m == ecs.ModePan || dragging:
		return ebiten.CursorShapeMove
	case m == ecs.ModeConnect || m == ecs.ModeBox:
		return ebiten.CursorShapeCrosshair
	}
	return ebiten.CursorShapeDefault
}

func (g *Game) nextInput() ecs.Input {
	w, h := g.size.X, g.size.Y
	if g.tick < len(g.script) {
		in := g.script[g.tick]
		if in.Width == 0 {
			in.Width, in.Height = w, h
		}
		g.idleAt = ecs.Vec{in.MouseX, in.MouseY}
		return in
	}
	if g.capture != nil {
		// idle until the capture: the pointer rests where the script left it
		return ecs.Input{Width: w, Height: h, MouseX: g.idleAt[0], MouseY: g.idleAt[1]}
	}
	return g.input.Read(w, h)
}

// settle counts idle ticks after the script and stops after the capture.
func (g *Game) settle() error {
	c := g.capture
	if c == nil || g.tick < len(g.script) {
		return nil
	}
	if c.idle < c.Settle {
		c.idle++
		return nil
	}
	if c.Save == nil {
		return ebiten.Termination
	}
	return nil
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	rev := g.Ed.Revision()
	if g.drew && rev == g.drawn && !g.wantsCapture() {
		return
	}
	if g.capture == nil { // captures stay deterministic: no frame rate
		g.Win.FPS = ebiten.ActualFPS()
	}
	g.adapter.Fill(g.Ed, &g.Win, &g.scene, &g.ui)
	g.r.Frame.BuildCanvas(&g.scene)
	g.r.Frame.BuildUI(&g.ui)
	g.r.Draw(screen)
	g.drawOverlay(screen)
	g.drawn, g.drew = rev, true
	g.built++
	if g.wantsCapture() {
		g.takeCapture()
	}
}

func (g *Game) drawOverlay(dst *ebiten.Image) {
	if g.Overlay != nil {
		g.Overlay.Draw(dst, g.overlayArea())
		g.overRev = g.Overlay.Revision()
	}
}

func (g *Game) wantsCapture() bool {
	c := g.capture
	return c != nil && c.Save != nil && g.tick >= len(g.script) && c.idle >= c.Settle
}

func (g *Game) takeCapture() {
	img := g.r.SnapshotWith(g.size.X, g.size.Y, g.drawOverlay)
	if err := g.capture.Save(img); err != nil {
		g.err = fmt.Errorf("screenshot: %w", err)
	} else {
		g.err = ebiten.Termination
	}
	g.capture.Save = nil
}

// Layout implements ebiten.Game: the editor is drawn at the window's size
// in device-independent pixels.
func (g *Game) Layout(w, h int) (int, int) {
	if p := image.Pt(w, h); p != g.size {
		g.size, g.drew = p, false
	}
	return w, h
}

// Scene returns the scene of the last frame (for export).
func (g *Game) Scene() *canvas.Scene { return &g.scene }
