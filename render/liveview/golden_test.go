package liveview

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/live/timeline"
	"github.com/cimviz/cimviz/render/canvas"
)

var update = flag.Bool("update", false, "rewrite golden images under testdata/")

var screen = image.Rect(0, 0, 1280, 800)

// shoot draws the panels over an empty editor background and reads the
// pixels back.
func shoot(p *Panels) *image.RGBA {
	off := ebiten.NewImage(screen.Dx(), screen.Dy())
	defer off.Deallocate()
	off.Fill(color.RGBA{0x14, 0x16, 0x1b, 0xff})
	p.Draw(off, screen)
	img := image.NewRGBA(screen)
	off.ReadPixels(img.Pix)
	return img
}

func newPanels(t *testing.T, log *eventlog.Log, tl *timeline.Timeline) *Panels {
	t.Helper()
	p, err := New(log, tl, WithLocation(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// play feeds ticks of input to the panels.
func play(p *Panels, ins ...ecs.Input) {
	for _, in := range ins {
		p.Update(in, screen)
	}
}

func click(x, y float64) ecs.Input {
	return ecs.Input{MouseX: x, MouseY: y, Pressed: ecs.ButtonLeft, Held: ecs.ButtonLeft}
}

func typed(s string) ecs.Input { return ecs.Input{MouseX: 1000, MouseY: 60, Text: []rune(s)} }

// checkGolden compares img with testdata/name: at most 0.5% of the
// pixels may differ by more than a small step per channel (GL drivers
// round differently); -update rewrites the file.
func checkGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden image missing (run with -update): %v", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if bad, total := canvas.DiffPixels(img, want, 24); bad*200 > total {
		got := filepath.Join(t.TempDir(), name)
		_ = os.WriteFile(got, b.Bytes(), 0o644)
		t.Errorf("%s: %d of %d pixels differ from the golden image; got %s (run with -update after checking)", name, bad, total, got)
	}
}
