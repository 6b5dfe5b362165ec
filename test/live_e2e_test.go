package test

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestTimeTravelInTheEditor drives the live editor (embedded server,
// services, bridge) with the event-flow panels open: two nodes are added,
// then the timeline steps back over them. The service keeps both nodes
// (the saved present), the screenshot shows the past with editing off and
// the log listing the commands and events.
func TestTimeTravelInTheEditor(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	shot, saved := filepath.Join(dir, "shot.png"), filepath.Join(dir, "saved.json")
	cmd := exec.Command(bin, "--data", filepath.Join(dir, "data"), "--live-panels", "--size", "1280x800",
		"--script", filepath.Join("testdata", "live", "timetravel.script"), "--screenshot", shot, "--save", saved)
	if out, err := runWithTimeout(cmd, 2*time.Minute); err != nil {
		t.Fatalf("cimviz: %v\n%s", err, out)
	}
	if order := savedGraph(t, saved, "order"); len(order.Nodes) != 13+2 {
		t.Errorf("the present must keep both added nodes: %d nodes", len(order.Nodes))
	}
	checkEditorGolden(t, shot, filepath.Join("testdata", "live", "timetravel.png"))
}
