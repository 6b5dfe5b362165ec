package ecs

import (
	"errors"
	"testing"
)

func TestParseChord(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Chord
	}{
		{"ctrl+z", Chord{"z", ModCtrl}},
		{"Ctrl+Shift+P", Chord{"p", ModCtrl | ModShift}},
		{"alt+up", Chord{KeyUp, ModAlt}},
		{"?", Chord{"?", 0}},
		{"+", Chord{"+", 0}},
		{"ctrl++", Chord{"+", ModCtrl}},
		{"cmd+c", Chord{"c", ModCtrl}},
	} {
		got, err := ParseChord(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseChord(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "ctrl+", "ctrl+shift", "z+ctrl", "hyper+x"} {
		if _, err := ParseChord(bad); !errors.Is(err, ErrChord) {
			t.Errorf("ParseChord(%q): err %v, want ErrChord", bad, err)
		}
	}
}

func TestDefaultKeymapIsComplete(t *testing.T) {
	ed := NewEditor()
	km := ed.Keymap()
	seen := map[string]string{}
	for _, a := range km {
		if len(a.Chords) == 0 || a.Desc == "" || a.Category == "" {
			t.Errorf("action %s lacks chords, description or category", a.Name)
		}
		if _, ok := ed.handlers[a.Name]; !ok {
			t.Errorf("action %s has no handler", a.Name)
		}
		for _, c := range a.Chords {
			if other, dup := seen[c.String()]; dup {
				t.Errorf("chord %s bound to both %s and %s", c, other, a.Name)
			}
			seen[c.String()] = a.Name
		}
	}
	if a, ok := km.Lookup(KeyPress{Key: "?", Mods: ModShift}); !ok || a.Name != "help.toggle" {
		t.Errorf("shift+? must toggle help, got %v %v", a.Name, ok)
	}
	if _, ok := km.Lookup(KeyPress{Key: "z", Mods: ModCtrl | ModAlt}); ok {
		t.Error("ctrl+alt+z must not match ctrl+z")
	}
}

func TestSearchActions(t *testing.T) {
	km := DefaultKeymap()
	for _, tc := range []struct{ q, first string }{
		{"undo", "edit.undo"},
		{"fit sel", "view.fit_selection"},
		{"alleft", "layout.align_left"},
		{"palette", "palette.open"},
		{"distribute evenly down", "layout.distribute_v"},
	} {
		res := SearchActions(km, tc.q)
		if len(res) == 0 || res[0].Action.Name != tc.first {
			t.Errorf("SearchActions(%q) first = %v, want %s", tc.q, res, tc.first)
		}
	}
	if got := SearchActions(km, ""); len(got) != len(km) || got[0].Action.Name != km[0].Name {
		t.Error("an empty query lists every action in table order")
	}
	if got := SearchActions(km, "qqqxz"); len(got) != 0 {
		t.Errorf("nonsense matched %v", got)
	}
}
