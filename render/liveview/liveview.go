// Package liveview draws the live panels of the editor with ebiten: the
// event log (docked right), the causation tree of the selected message
// and the timeline bar (docked bottom) with its "viewing the past"
// banner. The panels' state, input handling and triangles live in
// [panes], which needs no display; this package only uploads the glyph
// atlas and sends the panels' one mesh in one DrawTriangles32 call.
//
// An editor embeds them with a few lines: [New] over its event log and
// timeline, [Panels.Update] each tick before its own input handling
// (skipping that when it returns true), [Panels.Draw] after its own
// frame, and [Panels.Revision] in its skip-draw test.
package liveview

import (
	_ "github.com/cimviz/cimviz/render/internal/headless" // before ebiten's init: no panic without a display

	"image"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/cimviz/cimviz/render/liveview/panes"
)

// Option changes the panels' settings.
type Option func(*config)

type config struct {
	glyphs *canvas.Glyphs
	panes  []panes.Option
}

// WithGlyphs shares a glyph atlas (e.g. the editor renderer's
// Frame.G) instead of baking another.
func WithGlyphs(g *canvas.Glyphs) Option { return func(c *config) { c.glyphs = g } }

// WithMetrics sets the panels' sizes (default [panes.DefaultMetrics]).
func WithMetrics(m panes.Metrics) Option {
	return func(c *config) { c.panes = append(c.panes, panes.WithMetrics(m)) }
}

// WithLocation sets the time zone of the log's time column.
func WithLocation(loc *time.Location) Option {
	return func(c *config) { c.panes = append(c.panes, panes.WithLocation(loc)) }
}

// Panels are the live panels over one event log and one timeline.
type Panels struct {
	st     *panes.State
	glyphs *canvas.Glyphs
	atlas  *ebiten.Image
	atlasV int
	verts  []ebiten.Vertex
	opts   ebiten.DrawTrianglesOptions
}

// New returns the panels over log and tl (nil: no history to travel).
// It fails only when the built-in font cannot be baked (canvas.ErrFont).
func New(log *eventlog.Log, tl *timeline.Timeline, opts ...Option) (*Panels, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.glyphs == nil {
		g, err := canvas.NewGlyphs()
		if err != nil {
			return nil, err
		}
		c.glyphs = g
	}
	p := &Panels{st: panes.New(log, tl, c.glyphs, c.panes...), glyphs: c.glyphs, atlasV: -1}
	p.opts.Filter = ebiten.FilterNearest // UI text is drawn 1:1
	return p, nil
}

// Update moves the panels for one tick; area is the part of the window
// they may use (the whole window, usually). It reports whether the input
// was theirs: the pointer over a panel, typing into the filter, a drag
// of the timeline slider.
func (p *Panels) Update(in ecs.Input, area image.Rectangle) (consumed bool) {
	return p.st.Update(in, area)
}

// Draw draws the panels onto dst in area with one draw call (plus an
// atlas upload when new glyphs were baked).
func (p *Panels) Draw(dst *ebiten.Image, area image.Rectangle) {
	m := p.st.Build(area)
	if len(m.I) == 0 {
		return
	}
	p.syncAtlas()
	p.verts = toEbiten(p.verts[:0], m.V)
	dst.DrawTriangles32(p.verts, m.I, p.atlas, &p.opts)
}

func (p *Panels) syncAtlas() {
	if p.atlasV == p.glyphs.Version() {
		return
	}
	img := p.glyphs.Image()
	if p.atlas == nil {
		p.atlas = ebiten.NewImage(img.Rect.Dx(), img.Rect.Dy())
	}
	p.atlas.WritePixels(img.Pix)
	p.atlasV = p.glyphs.Version()
}

// toEbiten converts the mesh's vertices (a copy into a reused slice:
// render's zero-copy cast is not exported).
func toEbiten(dst []ebiten.Vertex, v []canvas.Vertex) []ebiten.Vertex {
	for _, x := range v {
		dst = append(dst, ebiten.Vertex{DstX: x.DstX, DstY: x.DstY, SrcX: x.SrcX, SrcY: x.SrcY,
			ColorR: x.ColorR, ColorG: x.ColorG, ColorB: x.ColorB, ColorA: x.ColorA})
	}
	return dst
}

// Selected is the entry selected in the log: highlight what it touched,
// open its causation tree.
func (p *Panels) Selected() (eventlog.Entry, bool) { return p.st.Selected() }

// Seek is the sequence the timeline shows and whether that is the past.
func (p *Panels) Seek() (seq uint64, inPast bool) { return p.st.Seek() }

// InPast reports whether the timeline shows the past: editing must be
// off while it does (the banner says so).
func (p *Panels) InPast() bool {
	_, past := p.st.Seek()
	return past
}

// Revision changes whenever what the panels draw changes.
func (p *Panels) Revision() uint64 { return p.st.Revision() }

// Layout is where the panels lie in area now (for the editor to keep
// its own overlays clear of them).
func (p *Panels) Layout(area image.Rectangle) panes.Layout { return p.st.Layout(area) }

// State is the panels' state, for scripted use and tests.
func (p *Panels) State() *panes.State { return p.st }

// Covered is how far the panels reach into area from its right and bottom
// edges (see render.Coverer).
func (p *Panels) Covered(area image.Rectangle) (right, bottom float64) {
	r, b := p.st.Layout(area).Covered(area)
	return float64(r), float64(b)
}
