package spaceview

import (
	"context"
	"fmt"
	"image"
	"sync/atomic"
	"time"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/render"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/cimviz/cimviz/render/spaceview/model"
	"github.com/hajimehoshi/ebiten/v2"
)

// Backend is the concept service as the view uses it.
type Backend interface {
	// Get answers the space and its version.
	Get(ctx context.Context, id string) (*space.Space, uint64, error)
	// Send sends a command and waits for its ack (a refusal is an error).
	Send(ctx context.Context, cmd message.Command) error
}

// Game is the ebiten game of the space view.
type Game struct {
	S       *model.State
	C       *model.Controller
	back    Backend
	frame   *model.Frame
	gpu     gpu
	input   render.InputReader
	script  []ecs.Input
	tick    int
	work    *worker
	changed atomic.Bool
	drawn   uint64
	drew    bool
	size    image.Point
	cursor  ebiten.CursorShapeType
	shot    *capture
	err     error
	// Built counts the frames Draw rebuilt; BuildTime sums the CPU time
	// of input handling, recomputing the view and building the meshes
	// (not the GPU's).
	Built     int
	BuildTime time.Duration
}

type capture struct {
	save func(*image.RGBA) error
	idle int
}

// settleTicks is how many idle ticks a capture waits once the script
// played and the service answered everything.
const settleTicks = 10

// New opens a view of space id on the given axes (none: the first two
// dimensions) and asks backend for it.
func New(id string, axes []string, backend Backend) (*Game, error) {
	g, err := canvas.NewGlyphs()
	if err != nil {
		return nil, err
	}
	s := model.NewState(id, axes...)
	game := &Game{S: s, C: model.NewController(s), back: backend, frame: model.NewFrame(g), work: startWorker(backend, id)}
	game.work.queue(nil)
	return game, nil
}

// Play drives the view from scripted input frames (one per tick) once the
// space has arrived.
func (g *Game) Play(frames []ecs.Input) { g.script = frames }

// CaptureWhenSettled takes one snapshot once the script played and every
// command was answered, hands it to save and ends the game.
func (g *Game) CaptureWhenSettled(save func(*image.RGBA) error) { g.shot = &capture{save: save} }

// Changed says the space changed elsewhere (an event arrived); the view
// reads it again. Safe from any goroutine.
func (g *Game) Changed() { g.changed.Store(true) }

// Close stops the service worker.
func (g *Game) Close() { g.work.close() }

// Update implements ebiten.Game.
func (g *Game) Update() error {
	if g.err != nil {
		return g.err
	}
	g.collect()
	if g.changed.Swap(false) {
		g.work.queue(nil)
	}
	if g.S.Space == nil {
		return nil
	}
	t := time.Now()
	cmds := g.C.Update(g.nextInput()) // recomputes the view when it changed
	g.BuildTime += time.Since(t)
	for _, cmd := range cmds {
		g.work.queue(&cmd)
	}
	if g.tick >= len(g.script) && g.shot == nil {
		g.setCursor()
	}
	g.tick++
	return g.settle()
}

// setCursor shows what a press would do: move (dragging), point (over
// something to press) or the arrow.
func (g *Game) setCursor() {
	x, y := ebiten.CursorPosition()
	shape := ebiten.CursorShapeDefault
	switch {
	case g.C.Dragging():
		shape = ebiten.CursorShapeMove
	case g.C.Clickable(float64(x), float64(y)):
		shape = ebiten.CursorShapePointer
	}
	if shape != g.cursor {
		ebiten.SetCursorShape(shape)
		g.cursor = shape
	}
}

// collect applies the service's answers.
func (g *Game) collect() {
	for {
		select {
		case r := <-g.work.results:
			g.apply(r)
		default:
			return
		}
	}
}

func (g *Game) apply(r result) {
	first := g.S.Space == nil
	switch {
	case r.cmd != nil && r.err != nil:
		g.S.Refused(r.cmd.Type, r.err)
	case r.err != nil && first:
		g.err = fmt.Errorf("space %s: %w", g.S.ID, r.err)
	case r.err != nil:
		g.S.Say(r.err.Error(), true)
	default:
		g.take(r)
	}
}

func (g *Game) take(r result) {
	was := g.S.Version
	if err := g.S.SetSpace(r.space, r.version); err != nil && was == 0 {
		g.err = err
		return
	} else if err != nil {
		g.S.Say(err.Error(), true)
		return
	}
	switch {
	case r.cmd != nil:
		g.S.Say(fmt.Sprintf("%s accepted: version %d", r.cmd.Type, r.version), false)
	case was != 0 && r.version > was: // a read after an event: our own commands' answers come first
		g.S.Say(fmt.Sprintf("changed elsewhere: version %d", r.version), false)
	}
}

func (g *Game) nextInput() ecs.Input {
	w, h := g.size.X, g.size.Y
	if g.tick < len(g.script) {
		in := g.script[g.tick]
		if in.Width == 0 {
			in.Width, in.Height = w, h
		}
		return in
	}
	if g.shot != nil {
		return ecs.Input{Width: w, Height: h, MouseX: -1, MouseY: -1}
	}
	return g.input.Read(w, h)
}

// settle counts idle ticks after the script once nothing is in flight.
func (g *Game) settle() error {
	c := g.shot
	if c == nil || g.tick < len(g.script) {
		return nil
	}
	if g.work.busy() || g.S.Pending != nil {
		c.idle = 0
		return nil
	}
	c.idle++
	return nil
}

func (g *Game) wantsShot() bool {
	return g.shot != nil && g.shot.save != nil && g.shot.idle >= settleTicks
}

// Draw implements ebiten.Game: it rebuilds the frame only when the view
// changed (the screen is not cleared between frames).
func (g *Game) Draw(screen *ebiten.Image) {
	if g.drew && g.S.Rev() == g.drawn && !g.wantsShot() {
		return
	}
	t := time.Now()
	g.frame.Build(g.C)
	g.BuildTime += time.Since(t)
	g.Built++
	g.gpu.draw(screen, g.frame)
	g.drawn, g.drew = g.S.Rev(), true
	if g.wantsShot() {
		g.takeShot()
	}
}

func (g *Game) takeShot() {
	img := g.gpu.snapshot(g.frame, g.size.X, g.size.Y)
	if err := g.shot.save(img); err != nil {
		g.err = fmt.Errorf("screenshot: %w", err)
	} else {
		g.err = ebiten.Termination
	}
	g.shot.save = nil
}

// Layout implements ebiten.Game.
func (g *Game) Layout(w, h int) (int, int) {
	if p := image.Pt(w, h); p != g.size {
		g.size, g.drew = p, false
	}
	return w, h
}
