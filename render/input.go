package render

import (
	"strings"

	"github.com/cimviz/cimviz/ecs"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// InputReader reads ebiten's input once per tick into an [ecs.Input]. It
// keeps its key buffers between ticks.
type InputReader struct {
	keys []ebiten.Key
	in   ecs.Input
}

// Read returns this tick's input for a w×h window. The returned value's
// slices are reused by the next call.
func (r *InputReader) Read(w, h int) ecs.Input {
	in := &r.in
	x, y := ebiten.CursorPosition()
	*in = ecs.Input{MouseX: float64(x), MouseY: float64(y), Width: w, Height: h,
		DT: 1 / float64(ebiten.TPS()), Keys: in.Keys[:0], HeldKeys: in.HeldKeys[:0], Text: in.Text[:0]}
	_, wy := ebiten.Wheel()
	in.WheelY = wy
	r.buttons(in)
	in.Mods = mods()
	r.keys = inpututil.AppendJustPressedKeys(r.keys[:0])
	for _, k := range r.keys {
		if name, ok := keyName(k, in.Mods); ok {
			in.Keys = append(in.Keys, ecs.KeyPress{Key: name, Mods: in.Mods})
		}
	}
	r.keys = inpututil.AppendPressedKeys(r.keys[:0])
	for _, k := range r.keys {
		if name, ok := keyName(k, 0); ok {
			in.HeldKeys = append(in.HeldKeys, name)
		}
	}
	in.Text = ebiten.AppendInputChars(in.Text)
	return *in
}

var buttonMap = [...]struct {
	e ebiten.MouseButton
	b ecs.Button
}{{ebiten.MouseButtonLeft, ecs.ButtonLeft}, {ebiten.MouseButtonRight, ecs.ButtonRight}, {ebiten.MouseButtonMiddle, ecs.ButtonMiddle}}

func (r *InputReader) buttons(in *ecs.Input) {
	for _, m := range buttonMap {
		if inpututil.IsMouseButtonJustPressed(m.e) {
			in.Pressed |= m.b
		}
		if inpututil.IsMouseButtonJustReleased(m.e) {
			in.Released |= m.b
		}
		if ebiten.IsMouseButtonPressed(m.e) {
			in.Held |= m.b
		}
	}
}

func mods() ecs.Mods {
	var m ecs.Mods
	if ebiten.IsKeyPressed(ebiten.KeyShift) {
		m |= ecs.ModShift
	}
	if ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta) {
		m |= ecs.ModCtrl
	}
	if ebiten.IsKeyPressed(ebiten.KeyAlt) {
		m |= ecs.ModAlt
	}
	return m
}

// keyNames maps ebiten keys whose ecs name is not simply their lower-case
// name. Modifier keys have no name: they are reported in Mods.
var keyNames = map[ebiten.Key]ecs.Key{
	ebiten.KeyArrowUp: ecs.KeyUp, ebiten.KeyArrowDown: ecs.KeyDown, ebiten.KeyArrowLeft: ecs.KeyLeft,
	ebiten.KeyArrowRight: ecs.KeyRight, ebiten.KeyMinus: "-", ebiten.KeyEqual: "=", ebiten.KeySlash: "/",
	ebiten.KeyComma: ",", ebiten.KeyPeriod: ".", ebiten.KeyNumpadAdd: "+", ebiten.KeyNumpadSubtract: "-",
	ebiten.KeyNumpadEnter: ecs.KeyEnter, ebiten.KeyPageUp: "pageup", ebiten.KeyPageDown: "pagedown",
}

// keyName returns the ecs name of an ebiten key; shifted punctuation
// becomes the character it types ("?" and "+").
func keyName(k ebiten.Key, m ecs.Mods) (ecs.Key, bool) {
	if m&ecs.ModShift != 0 {
		switch k {
		case ebiten.KeySlash:
			return "?", true
		case ebiten.KeyEqual:
			return "+", true
		}
	}
	if n, ok := keyNames[k]; ok {
		return n, true
	}
	s := k.String()
	switch {
	case strings.HasPrefix(s, "Shift"), strings.HasPrefix(s, "Control"), strings.HasPrefix(s, "Alt"),
		strings.HasPrefix(s, "Meta"):
		return "", false
	case strings.HasPrefix(s, "Digit"):
		return ecs.Key(s[5:]), true
	}
	return ecs.Key(strings.ToLower(s)), true
}
