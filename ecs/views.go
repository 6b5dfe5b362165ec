package ecs

import (
	"iter"

	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
)

// NodeView is everything render needs to draw one node.
type NodeView struct {
	Entity    arche.Entity
	ID, Kind  string
	Label     string
	Pos       graph.Point // where to draw: the pending position if Ghost
	Committed graph.Point // the confirmed position
	Ghost     bool        // a move is in flight; draw Committed faded, Pos solid
	Size      Size
	Selected  bool
	Hovered   bool
	Ref       string // subgraph graph ID, "" for a plain node
	Recursive bool   // Ref is already open up the path
	Match     bool   // matches the find query
	Current   bool   // the find match the camera jumped to
	Pulse     float64
	Editing   bool    // its label is being edited (draw UI().Edit.Text)
	Run       StepRun // instances running, waiting, failed here (live workflows)
}

// Box is the node's rectangle at its drawn position.
func (v NodeView) Box() Rect { return RectAround(v.Pos, v.Size.W, v.Size.H) }

// NodesIn yields the nodes overlapping a world rectangle (hidden ones
// skipped), using the spatial index.
func (ed *Editor) NodesIn(r Rect) iter.Seq[NodeView] {
	return func(yield func(NodeView) bool) {
		ed.s.index.Query(r, func(e arche.Entity, _ Rect) bool {
			if ed.s.m.hidden.Has(e) {
				return true
			}
			return yield(ed.nodeView(e))
		})
	}
}

// VisibleNodes yields the nodes the camera shows.
func (ed *Editor) VisibleNodes() iter.Seq[NodeView] { return ed.NodesIn(ed.s.cam.Visible()) }

// Node returns the view of a node by graph ID.
func (ed *Editor) Node(id string) (NodeView, bool) {
	e, ok := ed.s.lookup.Nodes[id]
	if !ok {
		return NodeView{}, false
	}
	return ed.nodeView(e), true
}

func (ed *Editor) nodeView(e arche.Entity) NodeView {
	m := ed.s.m
	n := m.node.Get(e)
	v := NodeView{Entity: e, ID: n.ID, Kind: n.Kind, Label: m.label.Get(e).Text,
		Committed: m.pos.Get(e).P, Size: *m.size.Get(e),
		Selected: m.selected.Has(e), Hovered: m.hovered.Has(e)}
	v.Pos, v.Ghost = v.Committed, m.pending.Has(e)
	if v.Ghost {
		v.Pos = m.pending.Get(e).P
	}
	if r := m.ref.Get(e); r != nil {
		v.Ref, v.Recursive = r.GraphID, r.Recursive
	}
	if p := m.pulse.Get(e); p != nil {
		v.Pulse = pulseLeft(p)
	}
	if r := m.run.Get(e); r != nil {
		v.Run = *r
	}
	v.Match = m.match.Has(e)
	v.Current = v.Match && ed.currentMatch() == n.ID
	v.Editing = ed.s.ui.Edit.Active && ed.s.ui.Edit.Node == n.ID
	return v
}

// EdgeView is everything render needs to draw one edge. From and To are
// the drawn boxes of its ends (a collapsed group's box for a hidden end).
type EdgeView struct {
	Entity arche.Entity
	// Src and Dst are the entities drawn at the ends: the nodes, or the
	// collapsed groups standing for them.
	Src, Dst arche.Entity
	ID       string
	Label    string
	Kind     string
	From, To Rect
	Pulse    float64
	Selected bool
}

// Edges yields every edge whose ends are both drawn, or redirected to a
// collapsed group; edges inside one group are skipped. The ends' boxes
// are read once per call into a table by entity, so the cost per edge is
// two slice reads.
func (ed *Editor) Edges() iter.Seq[EdgeView] {
	return func(yield func(EdgeView) bool) {
		boxes := ed.nodeBoxes()
		m := ed.s.m
		q := ed.world.Query(arche.All(m.edge.ID()))
		for q.Next() {
			d := (*Edge)(q.Get(m.edge.ID()))
			v, ok := EdgeView{}, true
			if ed.s.groups > 0 {
				v, ok = ed.edgeView(q.Entity(), d)
			} else {
				v = EdgeView{Entity: q.Entity(), Src: d.From, Dst: d.To, ID: d.ID, Label: d.Label, Kind: d.Kind,
					From: boxes[d.From.ID()], To: boxes[d.To.ID()], Selected: q.Has(m.selected.ID())}
				if q.Has(m.pulse.ID()) {
					v.Pulse = pulseLeft((*Pulse)(q.Get(m.pulse.ID())))
				}
			}
			if ok && !yield(v) {
				q.Close()
				return
			}
		}
	}
}

// nodeBoxes fills a table of every node's drawn box, indexed by entity ID.
func (ed *Editor) nodeBoxes() []Rect {
	m := ed.s.m
	q := ed.world.Query(arche.All(m.pos.ID(), m.size.ID()))
	for q.Next() {
		id := int(q.Entity().ID())
		if id >= len(ed.boxes) {
			ed.boxes = append(ed.boxes, make([]Rect, id+1-len(ed.boxes)+1024)...)
		}
		p := (*Position)(q.Get(m.pos.ID())).P
		if q.Has(m.pending.ID()) {
			p = (*Pending)(q.Get(m.pending.ID())).P
		}
		sz := (*Size)(q.Get(m.size.ID()))
		ed.boxes[id] = RectAround(p, sz.W, sz.H)
	}
	return ed.boxes
}

func pulseLeft(p *Pulse) float64 {
	if p.Duration <= 0 {
		return 0
	}
	return 1 - p.Age/p.Duration
}

func (ed *Editor) edgeView(e arche.Entity, d *Edge) (EdgeView, bool) {
	from, fg := ed.endBox(d.From)
	to, tg := ed.endBox(d.To)
	if fg != (arche.Entity{}) && fg == tg {
		return EdgeView{}, false
	}
	src, dst := d.From, d.To
	if !fg.IsZero() {
		src = fg
	}
	if !tg.IsZero() {
		dst = tg
	}
	v := EdgeView{Entity: e, Src: src, Dst: dst, ID: d.ID, Label: d.Label, Kind: d.Kind, From: from, To: to,
		Selected: ed.s.m.selected.Has(e)}
	if p := ed.s.m.pulse.Get(e); p != nil {
		v.Pulse = pulseLeft(p)
	}
	return v, true
}

// endBox is the drawn box of an edge end and the group hiding it, if any.
func (ed *Editor) endBox(n arche.Entity) (Rect, arche.Entity) {
	if ed.s.groups > 0 {
		if h := ed.s.m.hidden.Get(n); h != nil {
			return groupBox(ed.s.m.group.Get(h.By)), h.By
		}
	}
	sz := ed.s.m.size.Get(n)
	return RectAround(ed.s.displayPos(n), sz.W, sz.H), arche.Entity{}
}

// SelectionBox returns the rubber band in world units while one is drawn.
func (ed *Editor) SelectionBox() (Rect, bool) { return ed.s.ptr.Box, ed.s.ptr.Mode == ModeBox }

// ConnectLine returns the new edge being dragged: its source node's box
// and the free end, in world units.
func (ed *Editor) ConnectLine() (Rect, graph.Point, bool) {
	if ed.s.ptr.Mode != ModeConnect {
		return Rect{}, graph.Point{}, false
	}
	return ed.s.ptr.FromBox, ed.s.ptr.ConnectTo, true
}

// Selection returns the selected node IDs in graph order.
func (ed *Editor) Selection() []string {
	var out []string
	for _, n := range ed.s.doc.Graph.Nodes {
		if e, ok := ed.s.lookup.Nodes[n.ID]; ok && ed.s.m.selected.Has(e) {
			out = append(out, n.ID)
		}
	}
	return out
}
