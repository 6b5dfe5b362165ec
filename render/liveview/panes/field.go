package panes

import (
	"unicode/utf8"

	"github.com/cimviz/cimviz/ecs"
)

// Field is a one-line text field edited at its end: typed text is
// appended, Backspace removes the last character, Escape empties it
// (and leaves it when already empty), Enter and Tab leave it.
type Field struct {
	Text    string
	Focused bool
}

// Edit applies a tick's typing to a focused field and reports whether
// the text changed.
func (f *Field) Edit(in *ecs.Input) bool {
	if !f.Focused {
		return false
	}
	before := f.Text
	for _, k := range in.Keys {
		f.key(k.Key)
	}
	for _, r := range in.Text {
		if r >= ' ' && r != 0x7f {
			f.Text += string(r)
		}
	}
	return f.Text != before
}

func (f *Field) key(k ecs.Key) {
	switch k {
	case ecs.KeyBackspace:
		_, n := utf8.DecodeLastRuneInString(f.Text)
		f.Text = f.Text[:len(f.Text)-n]
	case ecs.KeyEscape:
		f.Focused = f.Focused && f.Text != ""
		f.Text = ""
	case ecs.KeyEnter, ecs.KeyTab:
		f.Focused = false
	}
}
