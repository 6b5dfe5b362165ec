package ecs

import (
	"errors"
	"strings"
	"testing"
)

func TestParseScriptErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"move 1 2\nfly 3", `line 2: unknown command "fly"`},
		{"# c\n\nmove 1", "line 3: move takes 2 to 2 numbers, got 1"},
		{"down sideways", `line 1: down: unknown button "sideways"`},
		{"key ctrl+", "line 1:"},
		{`text hello`, "line 1: text needs one quoted string"},
		{"wait soon", `line 1: bad duration "soon"`},
		{"at 1s", `line 1: "at" needs a time and a command`},
		{"drag left 1 2 3", "line 1: drag"},
		{"move NaN 1", `"NaN" is not a number`},
	} {
		_, err := ParseScript(strings.NewReader(tc.src))
		if !errors.Is(err, ErrScript) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseScript(%q) = %v, want ErrScript with %q", tc.src, err, tc.want)
		}
	}
}

func TestScriptFramesTiming(t *testing.T) {
	sc, err := ParseScript(strings.NewReader(`
		mouse move 10 20
		at 0.5s down left
		up left 30 40
		wait 100ms
		hold ctrl
		key z
		text "hé"
		size 640 480
	`))
	if err != nil {
		t.Fatal(err)
	}
	fr := sc.Frames(800, 600)
	down := -1
	for i, f := range fr {
		if f.Pressed.Has(ButtonLeft) {
			down = i
		}
	}
	if down != 30 { // frame 0 is the move, then idle frames until t=0.5s
		t.Errorf("press on frame %d, want 30 (0.5 s at 60 fps)", down)
	}
	up := fr[down+1]
	if !up.Released.Has(ButtonLeft) || up.Held != 0 || up.MouseX != 30 || up.MouseY != 40 {
		t.Errorf("release frame %+v", up)
	}
	last := fr[len(fr)-1]
	if last.Width != 640 || last.Mods != ModCtrl {
		t.Errorf("last frame size %dx%d mods %v", last.Width, last.Height, last.Mods)
	}
	var key, text *Input
	for i := range fr {
		if len(fr[i].Keys) > 0 {
			key = &fr[i]
		}
		if len(fr[i].Text) > 0 {
			text = &fr[i]
		}
	}
	if key == nil || key.Keys[0] != (KeyPress{Key: "z", Mods: ModCtrl}) {
		t.Errorf("key frame %+v, want ctrl+z (held ctrl applies)", key)
	}
	if text == nil || string(text.Text) != "hé" {
		t.Errorf("text frame %+v", text)
	}
}

func FuzzParseScript(f *testing.F) {
	for _, s := range []string{
		"move 1 2\ndown left\nup left",
		"at 1s key ctrl+shift+p\ntext \"a\\nb\"",
		"drag middle 0 0 100 100 3\nwheel -2\nwait 250ms\nhold space",
		"dblclick 5 5\nsize 100 100\nrelease shift",
		"drag left 300 250 580 340\nkey ctrl+c\nkey ctrl+v\nkey delete\nkey ctrl+z\nkey ctrl+g",
		"dblclick 400 300\ntext \"x\"\nkey enter\nkey ctrl+shift+p\ntext \"undo\"\nkey enter",
		"at 99999999s move 1 1", "drag left 0 0 1 1 1e9", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sc, err := ParseScript(strings.NewReader(src))
		if err != nil {
			if !errors.Is(err, ErrScript) {
				t.Fatalf("error %v does not wrap ErrScript", err)
			}
			return
		}
		if n := len(sc.Steps); n == 0 || n > 50 {
			return
		}
		// Whatever the script does, the editor must not panic and must
		// keep showing the service's graph.
		svc := NewLocalService(sample())
		ed := NewEditor(WithSize(800, 600), WithSource(svc.Graph))
		ed.Load(sample())
		for i, in := range sc.Frames(800, 600) {
			if i > 3000 {
				break
			}
			ed.Update(in)
			svc.Pump(ed)
		}
		want, _ := svc.Graph(ed.Breadcrumbs()[len(ed.Breadcrumbs())-1].Graph)
		if got := ed.Graph(); !sameGraph(got, want) {
			t.Fatalf("editor shows %+v, service has %+v", got.Nodes, want.Nodes)
		}
	})
}
