package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/graph/layout"
	arche "github.com/mlange-42/arche/ecs"
)

// Outbox is a resource: the commands (intents) the systems issued this
// tick, in order. The driver (the local service or the bridge) takes them
// with [Editor.TakeIntents].
type Outbox struct{ Commands []change.Command }

// Source finds a graph by ID to open it (subgraph navigation).
type Source func(id string) (*graph.Graph, bool)

// Option configures an [Editor].
type Option func(*config)

type config struct {
	width, height float64
	source        Source
	keymap        Keymap
	newID         func(prefix string) string
	layout        LayoutFunc
}

// WithSize sets the initial window size in pixels.
func WithSize(w, h float64) Option { return func(c *config) { c.width, c.height = w, h } }

// WithSource sets where opened subgraphs are read from.
func WithSource(s Source) Option { return func(c *config) { c.source = s } }

// WithKeymap replaces the default action table.
func WithKeymap(km Keymap) Option { return func(c *config) { c.keymap = km } }

// WithIDs sets the generator of new node and edge IDs (tests make them
// deterministic).
func WithIDs(f func(prefix string) string) Option { return func(c *config) { c.newID = f } }

// Editor owns an arche world and the systems that run on it. It must be
// used from one goroutine (the game loop).
type Editor struct {
	world    arche.World
	s        *store
	cfg      config
	outbox   *Outbox
	hist     *History
	handlers map[string]func(*Editor)
	clip     *Clipboard
	saved    map[string]*change.State // graphs left by navigation
	boxes    []Rect                   // node boxes by entity ID (Edges' scratch)
}

// NewEditor returns an editor with an empty graph.
func NewEditor(opts ...Option) *Editor {
	cfg := config{width: 1280, height: 800, keymap: DefaultKeymap(), newID: counterIDs(),
		layout: LayoutWith(layout.AlgoLayered)}
	for _, o := range opts {
		o(&cfg)
	}
	ed := &Editor{world: arche.NewWorld(), cfg: cfg, outbox: &Outbox{}, hist: &History{}}
	ed.handlers, ed.clip, ed.saved = defaultHandlers(), &Clipboard{}, map[string]*change.State{}
	ed.s = newStore(&ed.world, cfg.width, cfg.height)
	arche.AddResource(&ed.world, ed.outbox)
	arche.AddResource(&ed.world, ed.hist)
	arche.AddResource(&ed.world, ed.clip)
	return ed
}

// World returns the arche world (for render's queries and resources).
func (ed *Editor) World() *arche.World { return &ed.world }

// Revision grows whenever anything visible changed; render may skip a
// frame whose revision equals the last one drawn.
func (ed *Editor) Revision() uint64 { return ed.s.rev.N }

// SceneRevision grows whenever a node, edge or group, or how one is drawn
// (selection, hover, pulse, find match, label being edited), changed; it
// stays put while only the camera, the window or the grid change.
func (ed *Editor) SceneRevision() uint64 { return ed.s.rev.Scene }

// Load shows g as the root graph, resetting the navigation path. A nil
// graph is ignored.
func (ed *Editor) Load(g *graph.Graph) {
	if g == nil {
		return
	}
	ed.s.loadGraph(&change.State{Graph: g.Clone()})
	ed.s.ui.Path = []Crumb{{Graph: g.ID, Name: g.Name}}
	ed.s.markRecursive()
}

// Graph returns a copy of the open graph as the editor knows it
// (authoritative state: pending moves are not included).
func (ed *Editor) Graph() *graph.Graph { return ed.s.doc.Graph.Clone() }

// Keymap returns the action table (for the help overlay).
func (ed *Editor) Keymap() Keymap { return ed.cfg.keymap }

// TakeIntents returns and clears the commands issued since the last call.
func (ed *Editor) TakeIntents() []change.Command {
	out := ed.outbox.Commands
	ed.outbox.Commands = nil
	return out
}

// UI returns the overlay state (help, palette, find, label edit, path).
func (ed *Editor) UI() *UI { return ed.s.ui }

// Camera returns the camera resource.
func (ed *Editor) Camera() *Camera { return ed.s.cam }

// Status returns the status bar resource.
func (ed *Editor) Status() *Status { return ed.s.status }

// Grid returns the grid settings.
func (ed *Editor) Grid() *Grid { return ed.s.grid }

// Pointer returns the current mouse gesture (rubber band, new edge).
func (ed *Editor) Pointer() *Pointer { return ed.s.ptr }

// Theme returns the colours.
func (ed *Editor) Theme() *Theme { return arche.GetResource[Theme](&ed.world) }
