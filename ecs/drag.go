package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// beginDrag remembers where each selected node is drawn now.
func (ed *Editor) beginDrag() {
	p := ed.s.ptr
	p.Mode, p.Base = ModeDrag, map[arche.Entity]graph.Point{}
	for _, e := range ed.s.selectedEntities() {
		p.Base[e] = ed.s.displayPos(e)
	}
}

// dragTo shows every dragged node at its pending (ghost) position.
func (ed *Editor) dragTo(w graph.Point) {
	d := w.Sub(ed.s.ptr.StartW)
	for e, base := range ed.s.ptr.Base {
		put(&ed.world, &ed.s.m.pending, e, Pending{P: ed.s.grid.SnapPoint(base.Add(d))})
		ed.s.reindex(e)
	}
}

// endDrag sends one command for the whole drag: move_node for one node,
// apply_layout for several. Nodes keep their pending positions until the
// events confirm them.
func (ed *Editor) endDrag() {
	moved := ed.pendingMoves(ed.s.ptr.Base)
	ed.issueMoves("move", moved)
}

// pendingMoves returns the pending positions that differ from committed.
func (ed *Editor) pendingMoves(set map[arche.Entity]graph.Point) map[string]graph.Point {
	out := map[string]graph.Point{}
	for e := range set {
		pd := ed.s.m.pending.Get(e)
		if pd == nil {
			continue
		}
		if pd.P == ed.s.m.pos.Get(e).P {
			ed.s.unpend(e)
			continue
		}
		out[ed.s.m.node.Get(e).ID] = pd.P
	}
	return out
}

// issueMoves issues one move_node or one apply_layout; refused moves snap
// back at once.
func (ed *Editor) issueMoves(label string, moves map[string]graph.Point) {
	if len(moves) == 0 {
		return
	}
	g := ed.s.lookup.Graph
	var cmd change.Command = change.ApplyLayout{Graph: g, Positions: moves}
	if len(moves) == 1 {
		for id, p := range moves {
			cmd = change.MoveNode{Graph: g, Node: id, Pos: p}
		}
	}
	if !ed.issue(label, cmd) {
		ed.s.rollback(cmd)
	}
}

// cancelDrag drops the ghosts of a drag in progress.
func (ed *Editor) cancelDrag() {
	for e := range ed.s.ptr.Base {
		ed.s.unpend(e)
	}
	ed.s.ptr.Mode, ed.s.ptr.Base = ModeIdle, nil
}

// unpend removes a pending position and reindexes the node.
func (s *store) unpend(e arche.Entity) {
	drop(s.w, &s.m.pending, e)
	s.reindex(e)
}

// setPending shows nodes at new positions until their move is confirmed
// (align, distribute, layout use it before issuing).
func (ed *Editor) setPending(moves map[string]graph.Point) {
	for id, p := range moves {
		if e, ok := ed.s.lookup.Nodes[id]; ok {
			put(&ed.world, &ed.s.m.pending, e, Pending{P: p})
			ed.s.reindex(e)
		}
	}
	ed.s.touch()
}
