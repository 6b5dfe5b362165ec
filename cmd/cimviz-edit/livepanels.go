package main

import (
	"image"
	"time"

	"github.com/google/uuid"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/liveview"
)

// toggleLiveKey shows and hides the live panels (event log, causation,
// timeline).
const toggleLiveKey ecs.Key = "f9"

// livePanels puts the event log, the causation view and the timeline over
// the editor. It is the game's render.Overlay and wraps the bridge's
// driver as its render.Service, so that on the game goroutine it can
// follow the timeline and move the world into the past and back.
type livePanels struct {
	*bridge.Driver
	panels  *liveview.Panels
	log     *eventlog.Log
	tl      *timeline.Timeline
	sub     *nats.Subscription
	open    string
	shown   bool
	pastSeq uint64
	flow    *flowView
	views   *domainViews
	picked  uuid.UUID // the log entry last highlighted
}

// startLivePanels taps every cim.> message into the log and follows the
// driver's events into the timeline.
func startLivePanels(nc *nats.Conn, d *bridge.Driver, open string) (*livePanels, error) {
	tl, err := timeline.New(nil)
	if err != nil {
		return nil, err
	}
	lp := &livePanels{Driver: d, log: eventlog.New(), tl: tl, open: open}
	if lp.panels, err = liveview.New(lp.log, tl); err != nil {
		return nil, err
	}
	lp.sub, err = nc.Subscribe("cim.>", func(m *nats.Msg) {
		lp.log.Push(eventlog.FromMsg(m.Subject, m.Header, m.Data, time.Now()))
	})
	if err != nil {
		return nil, err
	}
	d.Observe = func(dl bridge.Delivery) {
		_ = lp.tl.Append(timeline.Record{Seq: dl.Sequence, Graph: dl.Graph, Time: dl.Time, Event: dl.Event})
	}
	return lp, nil
}

func (lp *livePanels) stop() { _ = lp.sub.Unsubscribe() }

// Pump runs the driver, then shows the timeline's moment in the world:
// the past freezes the world on the timeline's state of the open graph,
// the present thaws it.
func (lp *livePanels) Pump(ed *ecs.Editor) int {
	n := lp.Driver.Pump(ed)
	if lp.flow != nil {
		lp.flow.refresh(ed, time.Now())
	}
	if lp.views != nil {
		lp.views.refresh(ed, time.Now())
	}
	lp.highlightPicked(ed)
	seq, past := lp.panels.Seek()
	switch {
	case past && seq != lp.pastSeq:
		lp.pastSeq = seq
		lp.Freeze()
		if st, ok := lp.tl.States()[lp.open]; ok && st.Exists() {
			ed.Load(st.Graph.Clone())
		} else {
			ed.Load(graph.New(lp.open, "")) // the graph did not exist yet
		}
	case !past && lp.Frozen():
		lp.pastSeq = 0
		lp.Thaw(ed, lp.open)
	}
	return n
}

// highlightPicked pulses what the event picked in the log touched, when
// it is an event of the graph on screen.
func (lp *livePanels) highlightPicked(ed *ecs.Editor) {
	e, ok := lp.panels.Selected()
	if !ok || e.Identity.MessageID == lp.picked {
		return
	}
	lp.picked = e.Identity.MessageID
	path := ed.Breadcrumbs()
	if e.Kind != eventlog.KindEvent || len(path) == 0 || e.Aggregate != path[len(path)-1].Graph {
		return
	}
	ev, err := change.DecodeEvent(e.Type, e.Body)
	if err != nil {
		return
	}
	nodes, edges := change.Touched(ev)
	for _, id := range nodes {
		ed.PulseNode(id)
	}
	for _, id := range edges {
		ed.PulseEdge(id)
	}
}

// Update implements render.Overlay: F9 toggles the panels; shown, they
// take the input over them.
func (lp *livePanels) Update(in ecs.Input, area image.Rectangle) bool {
	for _, k := range in.Keys {
		if k.Key == toggleLiveKey && k.Mods == 0 {
			lp.shown = !lp.shown
			return true
		}
	}
	return lp.shown && lp.panels.Update(in, area)
}

// Covered implements render.Coverer: nothing while the panels are hidden.
func (lp *livePanels) Covered(area image.Rectangle) (right, bottom float64) {
	if !lp.shown {
		return 0, 0
	}
	return lp.panels.Covered(area)
}

// Draw implements render.Overlay.
func (lp *livePanels) Draw(dst *ebiten.Image, area image.Rectangle) {
	if lp.shown {
		lp.panels.Draw(dst, area)
	}
}

// Revision implements render.Overlay: it changes when the panels need a
// redraw (shown or hidden included).
func (lp *livePanels) Revision() uint64 {
	r := lp.panels.Revision() << 1
	if lp.shown {
		r |= 1
	}
	return r
}

// ReadOnly implements render.Overlay: no editing while in the past.
func (lp *livePanels) ReadOnly() bool { return lp.panels.InPast() }
