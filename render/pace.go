package render

import (
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/hajimehoshi/ebiten/v2"
)

// Pacing of an idle window.
const (
	idleAfter = 60                     // quiet ticks (one second) before the window rests
	idleWake  = 100 * time.Millisecond // a resting window still ticks this often
)

// pacer rests the window when nothing happens: after idleAfter ticks with
// no input and no change it stops syncing to the display and waits for
// input (ebiten's minimum FPS mode), ticking only every idleWake so
// events from the service still show; any input or change wakes it.
type pacer struct {
	quiet   int
	resting bool
	last    time.Time
	rev     uint64
	mouse   ecs.Vec
	// rest switches the window between resting and full pace and wake
	// asks for one tick after idleWake; nil means ebiten's.
	rest func(bool)
	wake func()
}

func ebitenRest(on bool) {
	mode := ebiten.FPSModeVsyncOn //nolint:staticcheck // the only way to wait for input
	if on {
		mode = ebiten.FPSModeVsyncOffMinimum //nolint:staticcheck // see above
	}
	ebiten.SetFPSMode(mode) //nolint:staticcheck // see above
}

func ebitenWake() { time.AfterFunc(idleWake, ebiten.ScheduleFrame) } //nolint:staticcheck // see above

func (p *pacer) setResting(on bool) {
	p.resting = on
	if p.rest == nil {
		p.rest, p.wake = ebitenRest, ebitenWake
	}
	p.rest(on)
}

// tick records one update; busy is true when the game must keep full
// pace whatever happens (a script or a capture is running). It returns the
// step to give the clock: real time while resting, 0 (the default) else.
func (p *pacer) tick(in *ecs.Input, rev uint64, busy bool) float64 {
	now := time.Now()
	dt := now.Sub(p.last).Seconds()
	p.last = now
	active := busy || rev != p.rev || !quietInput(in) || in.Mouse() != p.mouse
	p.rev, p.mouse = rev, in.Mouse()
	if active {
		p.quiet = 0
		if p.resting {
			p.setResting(false)
		}
		return 0
	}
	if p.quiet++; !p.resting && p.quiet >= idleAfter {
		p.setResting(true)
	}
	if !p.resting {
		return 0
	}
	p.wake()
	return min(dt, 0.5)
}

// quietInput reports an input with no button, key, text or wheel.
func quietInput(in *ecs.Input) bool {
	return in.Pressed == 0 && in.Released == 0 && in.Held == 0 && len(in.Keys) == 0 &&
		len(in.HeldKeys) == 0 && len(in.Text) == 0 && in.WheelY == 0 && in.Mods == 0
}
