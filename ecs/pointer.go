package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// pointerSystem turns mouse input into hover, selection, drags, rubber
// bands, new edges and panning.
func (ed *Editor) pointerSystem(in Input) {
	p := ed.s.ptr
	mouse := in.Mouse()
	switch {
	case in.Pressed.Has(ButtonMiddle) || (in.Pressed.Has(ButtonLeft) && in.KeyHeld(KeySpace)):
		ed.startGesture(ModePan, mouse, in)
	case in.Pressed.Has(ButtonLeft):
		ed.press(mouse, in)
	case p.Mode != ModeIdle && in.Held != 0:
		ed.move(mouse)
	}
	if p.Mode != ModeIdle && in.Released != 0 && in.Held == 0 {
		ed.release(mouse)
	}
	if p.Mode == ModeIdle {
		e, ok := ed.s.index.At(ed.s.cam.ToWorld(mouse))
		ed.s.hover(e, ok)
	}
	p.Last = mouse
}

func (ed *Editor) startGesture(m Mode, mouse Vec, in Input) {
	p := ed.s.ptr
	p.Mode, p.Start, p.StartW, p.Last = m, mouse, ed.s.cam.ToWorld(mouse), mouse
	p.Additive = in.Mods&(ModShift|ModCtrl) != 0
}

// press starts a gesture from what lies under the pointer.
func (ed *Editor) press(mouse Vec, in Input) {
	p := ed.s.ptr
	double := p.LastClick > 0 && ed.s.clock.Now-p.LastClick <= DoubleClickSec && mouse.Sub(p.LastAt).Len() <= DragThreshold
	p.LastClick, p.PressAt = 0, ed.s.clock.Now
	ed.startGesture(ModePress, mouse, in)
	p.Hit, p.HitOK = ed.s.index.At(p.StartW)
	switch {
	case p.HitOK && double:
		p.Mode = ModeIdle
		ed.activate(p.Hit)
	case p.HitOK && ed.onHandle(p.Hit, mouse):
		ed.startConnect(p.Hit)
	case p.HitOK:
		ed.pressNode(p.Hit)
	case ed.pressEdge(p.StartW):
	default:
		if !p.Additive {
			ed.s.clearSelection()
		}
		p.Mode, p.Box = ModeBox, Rect{p.StartW, p.StartW}
	}
}

// pressNode selects a node on press (Shift/Ctrl toggles it).
func (ed *Editor) pressNode(e arche.Entity) {
	switch {
	case ed.s.ptr.Additive:
		ed.s.toggle(e)
	case !ed.s.m.selected.Has(e):
		ed.s.selectOnly(e)
	}
}

// activate is a double click: open a subgraph, or edit the label.
func (ed *Editor) activate(e arche.Entity) {
	if !ed.s.m.node.Has(e) {
		return
	}
	ed.s.selectOnly(e)
	if r := ed.s.m.ref.Get(e); r != nil {
		ed.openNode(e)
		return
	}
	ed.startEdit(e)
}

// handlePoint is the connect handle of a node: the middle of its right side.
func (ed *Editor) handlePoint(e arche.Entity) graph.Point {
	sz := ed.s.m.size.Get(e)
	return ed.s.displayPos(e).Add(graph.Point{X: sz.W / 2})
}

func (ed *Editor) onHandle(e arche.Entity, mouse Vec) bool {
	if !ed.s.m.node.Has(e) {
		return false
	}
	h := ed.s.cam.ToScreen(ed.handlePoint(e))
	return h.Sub(mouse).Len() <= HandleRadius
}

func (ed *Editor) startConnect(e arche.Entity) {
	p := ed.s.ptr
	sz := ed.s.m.size.Get(e)
	p.Mode, p.From = ModeConnect, ed.s.m.node.Get(e).ID
	p.FromBox, p.ConnectTo = RectAround(ed.s.displayPos(e), sz.W, sz.H), p.StartW
}

// move follows the pointer while a button is held.
func (ed *Editor) move(mouse Vec) {
	p := ed.s.ptr
	w := ed.s.cam.ToWorld(mouse)
	switch p.Mode {
	case ModePress:
		if mouse.Sub(p.Start).Len() > DragThreshold {
			ed.beginDrag()
			ed.dragTo(w)
		}
	case ModeDrag:
		ed.dragTo(w)
	case ModeBox:
		p.Box = RectFrom(p.StartW, w)
	case ModeConnect:
		p.ConnectTo = w
	case ModePan:
		ed.s.cam.PanBy(mouse.Sub(p.Last))
	}
	if p.Mode == ModeDrag {
		for e := range p.Base {
			ed.s.mark(e)
		}
		return
	}
	ed.s.touchView() // a pan, rubber band or new edge: no node changed
}

// release ends the gesture.
func (ed *Editor) release(mouse Vec) {
	p := ed.s.ptr
	switch p.Mode {
	case ModeDrag:
		ed.endDrag()
	case ModeBox:
		ed.s.selectIn(p.Box)
	case ModeConnect:
		ed.endConnect(ed.s.cam.ToWorld(mouse))
	case ModePress:
		if p.HitOK && !p.Additive {
			ed.s.selectOnly(p.Hit)
		}
		p.LastClick, p.LastAt = p.PressAt, p.Start // a click: may start a double click
	}
	p.Mode, p.Box, p.Base = ModeIdle, Rect{}, nil
	ed.s.touchView() // the gesture ended; what it changed marked itself
}

// endConnect adds an edge when the pointer is over another node.
func (ed *Editor) endConnect(w graph.Point) {
	to, ok := ed.s.index.At(w)
	if !ok || !ed.s.m.node.Has(to) {
		return
	}
	toID := ed.s.m.node.Get(to).ID
	if toID == ed.s.ptr.From {
		return
	}
	edge := graph.Edge{ID: ed.cfg.newID("e"), From: ed.s.ptr.From, To: toID}
	ed.issue("connect", change.AddEdge{Graph: ed.s.lookup.Graph, Edge: edge})
}
