package test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCimvizLinksNoWindowToolkit: ebiten opens a display in its package
// init, so a binary that links it cannot start on a server. cimviz (serve,
// import, export, convert, simulate, bench) must not link it; only
// cimviz-edit does.
func TestCimvizLinksNoWindowToolkit(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/cimviz/cimviz/cmd/cimviz").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/hajimehoshi/ebiten") || pkg == "github.com/cimviz/cimviz/render" {
			t.Errorf("cmd/cimviz links %s: it would need a display to start", pkg)
		}
	}
	edit, err := exec.Command("go", "list", "-deps", "github.com/cimviz/cimviz/cmd/cimviz-edit").CombinedOutput()
	if err != nil || !strings.Contains(string(edit), "github.com/hajimehoshi/ebiten/v2\n") {
		t.Errorf("cmd/cimviz-edit should link ebiten: %v", err)
	}
}
