package test

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestSubjectFlowIsAGraphInTheEditor opens the live subject-flow graph from
// the graph browser: the services the host runs, the subject groups they
// serve and the clients seen on NATS, laid out left to right with rates on
// the edges. The screenshot is compared with a golden image (client inbox
// names and rates vary a little from run to run; the tolerance covers them).
func TestSubjectFlowIsAGraphInTheEditor(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	shot := filepath.Join(dir, "flow.png")
	cmd := exec.Command(bin, "--data", filepath.Join(dir, "data"), "--size", "1280x800",
		"--script", filepath.Join("testdata", "live", "flow.script"), "--screenshot", shot)
	if out, err := runWithTimeout(cmd, 2*time.Minute); err != nil {
		t.Fatalf("cimviz: %v\n%s", err, out)
	}
	checkEditorGolden(t, shot, filepath.Join("testdata", "live", "flow.png"))
}
