package main

import (
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/graph/layout"
	"github.com/cimviz/cimviz/live/flow"
)

// flowRefresh is how often an open subject-flow graph is redrawn.
const flowRefresh = time.Second

// flowLayout spaces the flow graph for the editor's label-sized boxes:
// columns (left to right) wider than the longest subject, rows apart.
var flowLayout = []layout.Option{layout.WithRankSep(320), layout.WithSpacing(70)}

// flowView makes the subject-flow graph (live/flow: services, subjects and
// clients seen on NATS, with message rates on the edges) an ordinary graph
// of the editor, named flow.GraphID: listed in the graph browser, opened,
// navigated and exported like any other, and refreshed while it is open.
// It is a read model of this editor's, not a graph of the graph service.
type flowView struct {
	obs   *flow.Observer
	tap   *flow.Tap
	last  time.Time
	rates map[string]string // edge ID -> rate label at the last refresh
}

func startFlowView(nc *nats.Conn) (*flowView, error) {
	f := &flowView{obs: flow.New(), rates: map[string]string{}}
	var err error
	f.tap, err = flow.StartTap(nc, f.obs, 0)
	return f, err
}

func (f *flowView) stop() { f.tap.Stop() }

// source serves the flow graph and defers every other ID to next.
func (f *flowView) source(next ecs.Source) ecs.Source {
	return func(id string) (*graph.Graph, bool) {
		if id == flow.GraphID {
			return f.obs.Graph(time.Now(), flowLayout...), true
		}
		return next(id)
	}
}

// refresh redraws the flow graph when it is open, and pulses the edges
// whose rate changed since the last refresh: messages moving.
func (f *flowView) refresh(ed *ecs.Editor, now time.Time) {
	path := ed.Breadcrumbs()
	if len(path) == 0 || path[len(path)-1].Graph != flow.GraphID || now.Sub(f.last) < flowRefresh {
		return
	}
	f.last = now
	g := f.obs.Graph(now, flowLayout...)
	ev := change.GraphImported{Graph: flow.GraphID, Name: "Subject flow", Nodes: g.Nodes, Edges: g.Edges}
	if err := ecs.ApplyEvent(ed.World(), flow.GraphID, ev); err != nil {
		return
	}
	for _, e := range g.Edges {
		if f.rates[e.ID] != e.Label {
			f.rates[e.ID] = e.Label
			ed.PulseEdge(e.ID)
		}
	}
}
