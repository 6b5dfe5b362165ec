package panes

import (
	"image"
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/canvas"
)

// Option changes the panels' settings.
type Option func(*State)

// WithMetrics sets the panels' sizes.
func WithMetrics(m Metrics) Option { return func(s *State) { s.metrics = m } }

// WithLocation sets the time zone of the log's time column (default:
// the local one).
func WithLocation(loc *time.Location) Option { return func(s *State) { s.Log.loc = loc } }

// State is the three live panels together: what [State.Update] moves and
// [State.Build] draws.
type State struct {
	Log       *LogPanel
	Causation *CausationView
	Bar       *TimeBar
	metrics   Metrics
	glyphs    *canvas.Glyphs
	mesh      canvas.Mesh
	rev       uint64
	seen      signature
}

// New returns the panels over a log and a timeline (nil: no history; the
// bar says so). Text comes from glyphs, which the caller may share with
// the editor's renderer.
func New(log *eventlog.Log, tl *timeline.Timeline, glyphs *canvas.Glyphs, opts ...Option) *State {
	s := &State{metrics: DefaultMetrics, glyphs: glyphs, Bar: newTimeBar(tl), Causation: &CausationView{log: log}}
	s.Log = newLogPanel(log, time.Local, DefaultMetrics.DetailH)
	for _, o := range opts {
		o(s)
	}
	s.Log.detailH = s.metrics.DetailH
	s.mesh.UV = glyphs.WhiteUV()
	return s
}

// Layout is where the panels lie in area now.
func (s *State) Layout(area image.Rectangle) Layout {
	_, past := s.Bar.Seek()
	return LayoutFor(area, s.metrics, s.Log.hasSel, past)
}

// Update moves the panels for one tick of input and reports whether the
// input was theirs (the pointer over a panel, typing into the filter, a
// slider drag): the editor then leaves it alone.
func (s *State) Update(in ecs.Input, area image.Rectangle) (consumed bool) {
	l := s.Layout(area)
	part := l.HitTest(mouse(&in))
	typing := s.Log.Field.Focused
	p := s.painter()
	s.Log.update(&in, l.Log, part == PartLog, p)
	sel, ok := s.Log.Selected()
	s.Causation.show(sel, ok, dtOf(&in))
	dragging := s.Bar.dragging
	s.Bar.update(&in, l.Bar, part == PartBar)
	s.note(area, part)
	return part != PartNone || dragging || (typing && (len(in.Keys) > 0 || len(in.Text) > 0))
}

// Build draws the panels in area and returns the mesh (valid until the
// next Build); it samples the glyph atlas.
func (s *State) Build(area image.Rectangle) *canvas.Mesh {
	s.mesh.Reset()
	l := s.Layout(area)
	p := s.painter()
	s.Log.build(p, l.Log)
	if l.Causation.W > 0 {
		s.Causation.build(p, l.Causation)
	}
	if l.Banner.W > 0 {
		s.Bar.banner(p, l.Banner)
	}
	s.Bar.build(p, l.Bar)
	return &s.mesh
}

func (s *State) painter() painter { return painter{m: &s.mesh, g: s.glyphs} }

// Selected is the entry selected in the log.
func (s *State) Selected() (eventlog.Entry, bool) { return s.Log.Selected() }

// Seek is the sequence the timeline shows and whether that is the past.
func (s *State) Seek() (seq uint64, inPast bool) { return s.Bar.Seek() }

// Revision changes whenever what the panels draw changes (new entries,
// scrolling, typing, hovering, the timeline moving): an editor that
// skips drawing redraws when it differs from the one it drew.
func (s *State) Revision() uint64 { return s.rev }

// signature is everything the panels draw from; a change bumps the
// revision.
type signature struct {
	area              image.Rectangle
	total, pending    uint64
	rows              int
	paused            bool
	filter, filterErr string
	focused, sel      bool
	selID             uuid.UUID
	scroll            float32
	hover             int
	tree              *graph.Graph
	pos, histLen      int
	playing, dragging bool
	speed             float64
	pointer           canvas.Vec
}

func (s *State) note(area image.Rectangle, part Part) {
	sig := signature{
		area: area, total: s.Log.log.Total(), pending: s.Log.log.Pending(), rows: s.Log.log.Len(),
		paused: s.Log.log.Paused(), filter: s.Log.Field.Text, focused: s.Log.Field.Focused,
		sel: s.Log.hasSel, selID: s.Log.sel.Identity.MessageID, scroll: s.Log.Scroll.Off,
		hover: s.Log.hover, tree: s.Causation.tree, playing: s.Bar.Playing, dragging: s.Bar.dragging, speed: s.Bar.Speed,
	}
	if s.Log.FilterErr != nil {
		sig.filterErr = s.Log.FilterErr.Error()
	}
	if tl := s.Bar.tl; tl != nil {
		sig.pos, sig.histLen = tl.Position(), tl.Len()
	}
	if part == PartBar {
		sig.pointer = s.Bar.hover // the bar's buttons light up under it
	}
	if sig != s.seen {
		s.seen = sig
		s.rev++
	}
}
