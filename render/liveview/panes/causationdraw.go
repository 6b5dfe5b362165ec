package panes

import (
	"strconv"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/live/causation"
	"github.com/cimviz/cimviz/render/canvas"
)

// build draws the card: a title, then boxes and arrows; the synthetic
// missing-cause node and its links are dashed and red.
func (cv *CausationView) build(p painter, r canvas.Rect) {
	p.card(r)
	title := "Causation"
	if cv.tree != nil {
		title += " · " + strconv.Itoa(len(cv.tree.Nodes)) + " messages"
	}
	p.textMid(title, r.X+pad, r.Y, cardHeadH, r.W-2*pad, colText)
	p.rect(canvas.Rect{X: r.X + pad, Y: r.Y + cardHeadH, W: r.W - 2*pad, H: 1}, colPanelEdge)
	body := canvas.Rect{X: r.X, Y: r.Y + cardHeadH, W: r.W, H: r.H - cardHeadH}
	if cv.tree == nil || len(cv.tree.Nodes) == 0 {
		p.textMid("the selected message has no correlation", body.X+pad, body.Y+pad, rowH, body.W-2*pad, colTextDim)
		return
	}
	f := fitTree(cv.tree, body)
	idx := make(map[string]int, len(cv.tree.Nodes))
	for i, n := range cv.tree.Nodes {
		idx[n.ID] = i
	}
	for _, e := range cv.tree.Edges {
		cv.edge(p, f, e, idx)
	}
	for i := range cv.tree.Nodes {
		cv.node(p, f, &cv.tree.Nodes[i])
	}
}

func (cv *CausationView) edge(p painter, f fit, e graph.Edge, idx map[string]int) {
	a, okA := idx[e.From]
	b, okB := idx[e.To]
	if !okA || !okB || a == b {
		return
	}
	hh := float32(boxH / 2)
	if f.k < dotScale {
		hh = 3
	}
	from := f.at(cv.tree.Nodes[a].Pos).Add(canvas.Vec{Y: hh})
	to := f.at(cv.tree.Nodes[b].Pos).Sub(canvas.Vec{Y: hh})
	if e.Kind == causation.EdgeMissing {
		p.arrow(from, to, colError, true)
		return
	}
	p.arrow(from, to, colEdge, false)
}

// dotScale: below it, a tree is too big for labelled boxes.
const dotScale = 0.34

// node draws a message box; below dotScale it is a dot.
func (cv *CausationView) node(p painter, f fit, n *graph.Node) {
	c := f.at(n.Pos)
	col := kindColour(n.Kind)
	if n.Kind == causation.KindMissing {
		col = colError
	}
	if f.k < dotScale {
		p.rect(canvas.Rect{X: c.X - 3, Y: c.Y - 3, W: 6, H: 6}, col)
		return
	}
	w, h := boxW*f.k, float32(boxH)
	r := canvas.Rect{X: c.X - w/2, Y: c.Y - h/2, W: w, H: h}
	p.rect(r, colNodeBody)
	switch {
	case n.Kind == causation.KindMissing:
		p.rect(r, colError.Fade(0.12))
		p.dashedFrame(r, colError)
	case n.ID == cv.focus.String():
		p.rect(r, colAccent.Fade(0.3))
		p.frame(r, 2, colAccent)
	default:
		p.frame(r, 1, col.Fade(0.8))
	}
	label := n.Label
	if n.Props["cycle"] == "true" {
		label = "↻ " + label
	}
	tw := p.width(p.fit(label, w-10))
	p.textIn(label, c.X-tw/2, c.Y-p.lineH()/2, w-10, labelColour(n.Kind))
}

func labelColour(kind string) canvas.Color {
	if kind == causation.KindMissing {
		return colError
	}
	return colText
}
