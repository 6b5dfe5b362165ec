package ecs

import (
	"errors"
	"fmt"
	"strings"
)

// ErrChord is wrapped by errors parsing a key chord.
var ErrChord = errors.New("bad key chord")

// Chord is a key with the modifiers that must be held.
type Chord struct {
	Key  Key
	Mods Mods
}

// String writes the chord as "ctrl+shift+p".
func (c Chord) String() string { return c.Mods.String() + string(c.Key) }

// ParseChord reads "ctrl+shift+p", "f2", "alt+up" or "?".
func ParseChord(s string) (Chord, error) {
	var c Chord
	t := strings.ToLower(strings.TrimSpace(s))
	plus := t == "+" || strings.HasSuffix(t, "++") // the key is "+"
	if plus {
		t = strings.TrimSuffix(t, "+") + "plus"
	}
	parts := strings.Split(t, "+")
	if plus {
		parts[len(parts)-1] = "+"
	}
	for i, p := range parts {
		m, isMod := modNames[p]
		switch {
		case i < len(parts)-1 && isMod:
			c.Mods |= m
		case i == len(parts)-1 && p != "" && !isMod:
			c.Key = Key(p)
		default:
			return Chord{}, fmt.Errorf("%w: %q", ErrChord, s)
		}
	}
	return c, nil
}

var modNames = map[string]Mods{"ctrl": ModCtrl, "cmd": ModCtrl, "shift": ModShift, "alt": ModAlt}

// Matches reports whether a key press triggers the chord. Shift is ignored
// for punctuation keys, whose shifted form is the key itself ("?").
func (c Chord) Matches(k KeyPress) bool {
	if c.Key != k.Key {
		return false
	}
	if isPunct(k.Key) {
		return c.Mods&^ModShift == k.Mods&^ModShift
	}
	return c.Mods == k.Mods
}

func isPunct(k Key) bool {
	r := []rune(string(k))
	return len(r) == 1 && !('a' <= r[0] && r[0] <= 'z') && !('0' <= r[0] && r[0] <= '9')
}

// Action is a named thing the user can do, with its default chords. The
// table of actions feeds the key dispatcher, the help overlay and the
// command palette alike.
type Action struct {
	Name     string // "edit.undo"
	Desc     string
	Category string
	Chords   []Chord
}

// Keymap is an ordered table of actions.
type Keymap []Action

// Lookup returns the action a key press triggers.
func (km Keymap) Lookup(k KeyPress) (Action, bool) {
	for _, a := range km {
		for _, c := range a.Chords {
			if c.Matches(k) {
				return a, true
			}
		}
	}
	return Action{}, false
}

// Action returns the action with the given name.
func (km Keymap) Action(name string) (Action, bool) {
	for _, a := range km {
		if a.Name == name {
			return a, true
		}
	}
	return Action{}, false
}

// Categories returns the category names in table order, each once.
func (km Keymap) Categories() []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range km {
		if !seen[a.Category] {
			seen[a.Category] = true
			out = append(out, a.Category)
		}
	}
	return out
}
