package render

import (
	"testing"

	"github.com/cimviz/cimviz/ecs"
)

// An untouched window rests after a second of quiet ticks and keeps
// asking for a tick now and then (so service events still show); a key,
// a button, the mouse moving or a change of the editor wakes it at once;
// a script or a capture keeps it at full pace.
func TestPacerRestsWhenNothingHappens(t *testing.T) {
	var modes []bool
	wakes := 0
	p := &pacer{rest: func(on bool) { modes = append(modes, on) }, wake: func() { wakes++ }}
	quiet := ecs.Input{MouseX: 10, MouseY: 10}
	p.tick(&quiet, 1, false) // the first tick sees the pointer and the editor: not quiet
	for range idleAfter + 5 {
		p.tick(&quiet, 1, false)
	}
	if len(modes) != 1 || !modes[0] || wakes != 6 {
		t.Fatalf("after %d quiet ticks: modes %v, %d wake-ups; want one rest and 6 wake-ups", idleAfter+5, modes, wakes)
	}
	for _, tc := range []struct {
		name string
		in   ecs.Input
		rev  uint64
		busy bool
	}{
		{"key", ecs.Input{MouseX: 10, MouseY: 10, Keys: []ecs.KeyPress{{Key: "g"}}}, 1, false},
		{"button", ecs.Input{MouseX: 10, MouseY: 10, Pressed: ecs.ButtonLeft, Held: ecs.ButtonLeft}, 1, false},
		{"mouse", ecs.Input{MouseX: 11, MouseY: 10}, 1, false},
		{"wheel", ecs.Input{MouseX: 10, MouseY: 10, WheelY: 1}, 1, false},
		{"editor changed", quiet, 2, false},
		{"script", quiet, 1, true},
	} {
		p := &pacer{rest: func(bool) {}, wake: func() {}}
		for range idleAfter + 1 {
			p.tick(&quiet, 1, false)
		}
		if !p.resting {
			t.Fatalf("%s: not resting after %d quiet ticks", tc.name, idleAfter)
		}
		p.tick(&tc.in, tc.rev, tc.busy)
		if p.resting {
			t.Errorf("%s did not wake the window", tc.name)
		}
	}
}
