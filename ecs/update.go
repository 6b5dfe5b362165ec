package ecs

import arche "github.com/mlange-42/arche/ecs"

// Tuning of the pointer systems, in screen pixels and seconds.
const (
	DragThreshold  = 4.0
	DoubleClickSec = 0.35
	HandleRadius   = 9.0
	WheelStep      = 1.15
	FitMargin      = 40.0
)

// Update runs every system once for one tick of input. Overlays that take
// the keyboard (label editing, palette, find) see keys and text first.
func (ed *Editor) Update(in Input) {
	ed.s.input = in
	ed.tickClock(in)
	ed.resize(in)
	ed.agePulses()
	if !ed.overlayKeys(in) {
		ed.actionKeys(in)
	}
	ed.cameraSystem(in)
	ed.pointerSystem(in)
}

func (ed *Editor) tickClock(in Input) {
	dt := in.DT
	if dt <= 0 {
		dt = 1.0 / 60
	}
	c := ed.s.clock
	c.DT, c.Now, c.Tick = dt, c.Now+dt, c.Tick+1
}

func (ed *Editor) resize(in Input) {
	w, h := float64(in.Width), float64(in.Height)
	if w <= 0 || h <= 0 || (w == ed.s.cam.Width && h == ed.s.cam.Height) {
		return
	}
	ed.s.cam.Width, ed.s.cam.Height = w, h
	ed.s.touchView()
}

// agePulses grows each pulse and removes the finished ones.
func (ed *Editor) agePulses() {
	var glowing, done []arche.Entity
	q := ed.world.Query(arche.All(ed.s.m.pulse.ID()))
	for q.Next() {
		p := (*Pulse)(q.Get(ed.s.m.pulse.ID()))
		p.Age += ed.s.clock.DT
		if p.Age >= p.Duration {
			done = append(done, q.Entity())
		}
		glowing = append(glowing, q.Entity())
	}
	for _, e := range done {
		ed.world.Remove(e, ed.s.m.pulse.ID())
	}
	if len(glowing) > 0 {
		ed.s.mark(glowing...)
	}
}

// actionKeys runs the action of each key press.
func (ed *Editor) actionKeys(in Input) {
	for _, k := range in.Keys {
		if a, ok := ed.cfg.keymap.Lookup(k); ok {
			ed.Run(a.Name)
		}
	}
}
