package liveview

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestMain runs the tests inside ebiten's game loop: pixels can only be
// read there, and RunGame works once per process. Without a display the
// headless import ends the binary with a skip notice before ebiten's
// init can panic (the pure logic is tested in package panes).
func TestMain(m *testing.M) {
	code := 0
	err := ebiten.RunGame(&testGame{run: func() { code = m.Run() }})
	if err != nil && !errors.Is(err, ebiten.Termination) {
		fmt.Fprintln(os.Stderr, "liveview tests:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

type testGame struct{ run func() }

func (g *testGame) Update() error {
	g.run()
	return ebiten.Termination
}

func (g *testGame) Draw(*ebiten.Image)         {}
func (g *testGame) Layout(w, h int) (int, int) { return w, h }
