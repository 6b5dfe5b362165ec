package ecs

import "slices"

// FrameDT is the step between scripted frames (60 fps).
const FrameDT = 1.0 / 60

// MaxScriptFrames caps a script's timeline (about 18 minutes at 60 fps);
// the rest of a longer script is dropped.
const MaxScriptFrames = 1 << 16

// player turns script steps into Input snapshots, carrying what stays
// between ticks (pointer position, held buttons and keys, window size).
type player struct {
	now    float64
	mouse  Vec
	held   Button
	keys   []Key
	mods   Mods
	width  int
	height int
	out    []Input
}

// Frames returns the script as one Input per tick: each command takes one
// frame (a click two, a drag one per step), "wait" and "at" add idle
// frames. width and height give the window size until a "size" command.
func (s *Script) Frames(width, height int) []Input {
	p := &player{width: width, height: height}
	for _, st := range s.Steps {
		if len(p.out) >= MaxScriptFrames {
			break
		}
		p.waitUntil(st.At)
		p.step(st)
	}
	return p.out[:min(len(p.out), MaxScriptFrames)]
}

func (p *player) waitUntil(at float64) {
	for at >= 0 && p.now+FrameDT/2 < at && len(p.out) < MaxScriptFrames {
		p.emit(Input{})
	}
}

// emit completes a frame with the carried state and appends it.
func (p *player) emit(in Input) {
	in.MouseX, in.MouseY = p.mouse[0], p.mouse[1]
	in.Held = (p.held | in.Pressed) &^ in.Released
	in.HeldKeys, in.Mods = slices.Clone(p.keys), p.mods
	in.Width, in.Height, in.DT = p.width, p.height, FrameDT
	for i := range in.Keys {
		in.Keys[i].Mods |= p.mods
	}
	p.held = in.Held
	p.now += FrameDT
	p.out = append(p.out, in)
}

func (p *player) at(nums []float64) {
	if len(nums) >= 2 {
		p.mouse = Vec{nums[0], nums[1]}
	}
}

func (p *player) step(st ScriptStep) {
	switch st.Op {
	case OpMove:
		p.at(st.Nums)
		p.emit(Input{})
	case OpDown:
		p.at(st.Nums)
		p.emit(Input{Pressed: st.Button})
	case OpUp:
		p.at(st.Nums)
		p.emit(Input{Released: st.Button})
	case OpClick:
		p.click(st.Button, st.Nums)
	case OpDouble:
		p.click(ButtonLeft, st.Nums)
		p.click(ButtonLeft, nil)
	case OpDrag:
		p.drag(st)
	default:
		p.keyStep(st)
	}
}

func (p *player) click(b Button, nums []float64) {
	p.at(nums)
	p.emit(Input{Pressed: b})
	p.emit(Input{Released: b})
}

// drag presses at the start, moves in steps (default 8) and releases.
func (p *player) drag(st ScriptStep) {
	n := 8
	if len(st.Nums) == 5 && st.Nums[4] >= 1 && st.Nums[4] <= 1000 {
		n = int(st.Nums[4])
	}
	from, to := Vec{st.Nums[0], st.Nums[1]}, Vec{st.Nums[2], st.Nums[3]}
	p.mouse = from
	p.emit(Input{Pressed: st.Button})
	for i := 1; i <= n; i++ {
		p.mouse = from.Add(to.Sub(from).Mul(float64(i) / float64(n)))
		p.emit(Input{})
	}
	p.emit(Input{Released: st.Button})
}

func (p *player) keyStep(st ScriptStep) {
	switch st.Op {
	case OpKey:
		p.emit(Input{Keys: []KeyPress{{Key: st.Chord.Key, Mods: st.Chord.Mods}}})
	case OpHold:
		p.hold(st.Key, true)
		p.emit(Input{})
	case OpRelease:
		p.hold(st.Key, false)
		p.emit(Input{})
	case OpText:
		p.emit(Input{Text: []rune(st.Text)})
	case OpWheel:
		p.emit(Input{WheelY: st.Nums[0]})
	case OpWait:
		p.waitUntil(p.now + st.Nums[0])
	case OpSize:
		p.width, p.height = int(st.Nums[0]), int(st.Nums[1])
		p.emit(Input{})
	}
}

// hold presses or releases a key; modifier names set Mods.
func (p *player) hold(k Key, down bool) {
	if m, ok := modNames[string(k)]; ok {
		if down {
			p.mods |= m
		} else {
			p.mods &^= m
		}
		return
	}
	p.keys = slices.DeleteFunc(p.keys, func(x Key) bool { return x == k })
	if down {
		p.keys = append(p.keys, k)
	}
}
