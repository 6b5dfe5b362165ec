package render

import (
	"testing"

	"github.com/cimviz/cimviz/ecs"
	"github.com/hajimehoshi/ebiten/v2"
)

// Keys reach the ecs under the names its keymap uses; shifted punctuation
// becomes the character typed, modifiers alone are not keys.
func TestKeyNames(t *testing.T) {
	needDisplay(t)
	for _, tc := range []struct {
		key  ebiten.Key
		mods ecs.Mods
		want ecs.Key
		ok   bool
	}{
		{ebiten.KeyA, 0, "a", true},
		{ebiten.KeyZ, ecs.ModCtrl, "z", true},
		{ebiten.KeyDigit0, ecs.ModCtrl, "0", true},
		{ebiten.KeyF2, 0, ecs.KeyF2, true},
		{ebiten.KeyEnter, 0, ecs.KeyEnter, true},
		{ebiten.KeyEscape, 0, ecs.KeyEscape, true},
		{ebiten.KeyBackspace, 0, ecs.KeyBackspace, true},
		{ebiten.KeyArrowUp, ecs.ModAlt, ecs.KeyUp, true},
		{ebiten.KeySlash, ecs.ModShift, "?", true},
		{ebiten.KeyEqual, ecs.ModShift, "+", true},
		{ebiten.KeyEqual, ecs.ModCtrl, "=", true},
		{ebiten.KeyMinus, 0, "-", true},
		{ebiten.KeyShiftLeft, ecs.ModShift, "", false},
		{ebiten.KeyControlRight, ecs.ModCtrl, "", false},
	} {
		got, ok := keyName(tc.key, tc.mods)
		if got != tc.want || ok != tc.ok {
			t.Errorf("keyName(%v, %v) = %q, %v; want %q, %v", tc.key, tc.mods, got, ok, tc.want, tc.ok)
		}
	}
}
