package panes

import (
	"github.com/google/uuid"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/live/causation"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/render/canvas"
)

// CausationView is the causation tree of the selected entry's
// correlation, rebuilt when the selection's correlation changes and,
// at most once a second, while new entries arrive.
type CausationView struct {
	log    *eventlog.Log
	corr   uuid.UUID
	focus  uuid.UUID // the selected message, outlined in the tree
	tree   *graph.Graph
	total  uint64 // log total when the tree was built
	sinceT float64
}

const rebuildEvery = 1.0 // seconds between rebuilds while entries arrive

// Tree is the tree shown (nil when no correlation is selected).
func (cv *CausationView) Tree() *graph.Graph { return cv.tree }

// show follows the selected entry; dt is the tick's length.
func (cv *CausationView) show(e eventlog.Entry, ok bool, dt float64) bool {
	if !ok || e.Identity.CorrelationID == uuid.Nil {
		changed := cv.tree != nil
		cv.tree, cv.corr = nil, uuid.Nil
		return changed
	}
	cv.sinceT += dt
	total := cv.log.Total()
	stale := total != cv.total && cv.sinceT >= rebuildEvery
	if e.Identity.CorrelationID == cv.corr && e.Identity.MessageID == cv.focus && !stale {
		return false
	}
	cv.corr, cv.focus, cv.total, cv.sinceT = e.Identity.CorrelationID, e.Identity.MessageID, total, 0
	cv.tree = causation.FromLog(cv.log, cv.corr)
	return true
}

// treeBox is the size of a message's box at scale 1.
const (
	boxW, boxH = 132, 26
	cardHeadH  = 30
)

// fit maps the tree's layout into r: it is scaled down (never up) to fit
// and centred.
type fit struct {
	k, ox, oy float32
}

func fitTree(g *graph.Graph, r canvas.Rect) fit {
	x0, y0, x1, y1 := bounds(g)
	w, h := float32(x1-x0), float32(y1-y0)
	k := min(1, (r.W-boxW-2*pad)/max(w, 1), (r.H-boxH-2*pad)/max(h, 1))
	k = max(k, 0.05)
	return fit{k: k, ox: r.X + r.W/2 - k*float32(x0+x1)/2, oy: r.Y + pad + boxH/2 - k*float32(y0)}
}

func (f fit) at(p graph.Point) canvas.Vec {
	return canvas.Vec{X: f.ox + f.k*float32(p.X), Y: f.oy + f.k*float32(p.Y)}
}

func bounds(g *graph.Graph) (x0, y0, x1, y1 float64) {
	for i, n := range g.Nodes {
		if i == 0 {
			x0, y0, x1, y1 = n.Pos.X, n.Pos.Y, n.Pos.X, n.Pos.Y
		}
		x0, y0 = min(x0, n.Pos.X), min(y0, n.Pos.Y)
		x1, y1 = max(x1, n.Pos.X), max(y1, n.Pos.Y)
	}
	return x0, y0, x1, y1
}
