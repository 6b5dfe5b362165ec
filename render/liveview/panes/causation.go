package panes

import (
	"math"

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
	boxW, boxH = 124, 26
	cardHeadH  = 30
)

// fit maps the tree's layout into r: neighbours in a layer are spread to
// a box and a gap apart, layers to a box and an arrow apart, and the
// whole is scaled down (never up) to fit r and centred.
type fit struct {
	sx, sy, ox, oy float32
	k              float32 // the scale down across: boxes narrow with it
}

const (
	gapX = 12 // between neighbouring boxes
	gapY = 34 // between layers: room for an arrow
)

func fitTree(g *graph.Graph, r canvas.Rect) fit {
	dx, dy := steps(g)
	f := fit{sx: (boxW + gapX) / dx, sy: (boxH + gapY) / dy}
	x0, y0, x1, y1 := bounds(g)
	w, h := f.sx*float32(x1-x0), f.sy*float32(y1-y0)
	f.k = max(1e-4, min(1, (r.W-boxW-2*pad)/max(w, 1)))
	f.sx, f.sy = f.sx*f.k, f.sy*max(1e-4, min(1, (r.H-boxH-2*pad)/max(h, 1)))
	f.ox = r.X + r.W/2 - f.sx*float32(x0+x1)/2
	f.oy = r.Y + pad + boxH/2 - f.sy*float32(y0)
	return f
}

func (f fit) at(p graph.Point) canvas.Vec {
	return canvas.Vec{X: f.ox + f.sx*float32(p.X), Y: f.oy + f.sy*float32(p.Y)}
}

// steps are the layout's smallest distances between neighbours in a
// layer and between layers (1 where there are none).
func steps(g *graph.Graph) (dx, dy float32) {
	dx, dy = math.MaxFloat32, math.MaxFloat32
	for i := range g.Nodes {
		for j := i + 1; j < len(g.Nodes) && j < i+64; j++ {
			a, b := g.Nodes[i].Pos, g.Nodes[j].Pos
			if ddx, ddy := float32(math.Abs(a.X-b.X)), float32(math.Abs(a.Y-b.Y)); ddy < 1 && ddx >= 1 {
				dx = min(dx, ddx)
			} else if ddy >= 1 {
				dy = min(dy, ddy)
			}
		}
	}
	if dx == math.MaxFloat32 {
		dx = 1
	}
	if dy == math.MaxFloat32 {
		dy = 1
	}
	return dx, dy
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
