package ecs

import "strings"

// Button is a set of mouse buttons (a bit mask).
type Button uint8

// Mouse buttons.
const (
	ButtonLeft Button = 1 << iota
	ButtonRight
	ButtonMiddle
)

// Has reports whether every button of o is in b.
func (b Button) Has(o Button) bool { return o != 0 && b&o == o }

// Mods is a set of keyboard modifiers (a bit mask).
type Mods uint8

// Modifiers. ModCtrl also stands for Cmd on macOS (render maps it).
const (
	ModShift Mods = 1 << iota
	ModCtrl
	ModAlt
)

// String writes the modifiers as "ctrl+shift+alt+" prefixes.
func (m Mods) String() string {
	var b strings.Builder
	for _, p := range []struct {
		m Mods
		s string
	}{{ModCtrl, "ctrl+"}, {ModShift, "shift+"}, {ModAlt, "alt+"}} {
		if m&p.m != 0 {
			b.WriteString(p.s)
		}
	}
	return b.String()
}

// Key names a key in lower case: letters and digits as themselves ("a",
// "1"), and "enter", "escape", "backspace", "delete", "tab", "space",
// "up", "down", "left", "right", "home", "end", "f1".."f12", and the
// punctuation "?", "+", "-", "=", "0".
type Key string

// Common keys.
const (
	KeyEnter     Key = "enter"
	KeyEscape    Key = "escape"
	KeyBackspace Key = "backspace"
	KeyDelete    Key = "delete"
	KeyTab       Key = "tab"
	KeySpace     Key = "space"
	KeyUp        Key = "up"
	KeyDown      Key = "down"
	KeyLeft      Key = "left"
	KeyRight     Key = "right"
	KeyHome      Key = "home"
	KeyEnd       Key = "end"
	KeyF2        Key = "f2"
)

// KeyPress is one key pressed during a tick, with the modifiers held then.
type KeyPress struct {
	Key  Key  `json:"key"`
	Mods Mods `json:"mods,omitempty"`
}

// Input is everything the systems read about one tick: a plain value that
// render fills from ebiten and that tests and scripts fill by hand.
// Coordinates are screen pixels, origin top left.
type Input struct {
	MouseX, MouseY float64
	Pressed        Button // went down this tick
	Released       Button // went up this tick
	Held           Button // down now (pressed this tick included)
	WheelY         float64
	Keys           []KeyPress // pressed this tick, in order
	HeldKeys       []Key      // down now, modifiers excluded
	Mods           Mods       // modifiers down now
	Text           []rune     // typed this tick
	Width, Height  int        // window size in pixels
	DT             float64    // seconds since the previous tick; 0 means 1/60
}

// KeyHeld reports whether k is down now.
func (in *Input) KeyHeld(k Key) bool {
	for _, h := range in.HeldKeys {
		if h == k {
			return true
		}
	}
	return false
}

// Mouse returns the pointer position.
func (in *Input) Mouse() Vec { return Vec{in.MouseX, in.MouseY} }
