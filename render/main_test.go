package render

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestMain runs the tests inside ebiten's game loop (pixels can only be
// read there, and RunGame works once per process). Without a display the
// tests that need one skip; the rest run as usual.
func TestMain(m *testing.M) {
	if os.Getenv("DISPLAY") == "" {
		hasDisplay = false
		os.Exit(m.Run())
	}
	hasDisplay = true
	code := 0
	err := ebiten.RunGame(&testGame{run: func() { code = m.Run() }})
	if err != nil && !errors.Is(err, ebiten.Termination) {
		fmt.Fprintln(os.Stderr, "render tests:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

var hasDisplay bool

// needDisplay skips a test that must draw when there is no display.
func needDisplay(t testing.TB) {
	t.Helper()
	if !hasDisplay {
		t.Skip("no DISPLAY: run under xvfb-run to draw")
	}
}

type testGame struct{ run func() }

func (g *testGame) Update() error {
	g.run()
	return ebiten.Termination
}

func (g *testGame) Draw(*ebiten.Image)         {}
func (g *testGame) Layout(w, h int) (int, int) { return w, h }
