package test

import (
	"context"
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
)

// motionDump is what the editor writes to $CIMVIZ_MOTION_DUMP on exit.
type motionDump struct {
	Events  int                                               `json:"events"`
	Pulses  int                                               `json:"pulses"`
	Adopted int                                               `json:"adopted"`
	MaxRuns map[string]struct{ Running, Waiting, Failed int } `json:"max_runs"`
	Shown   []string                                          `json:"shown"`
}

// TestWorkflowRunsInTheEditor: the editor (listening for other processes)
// opens the order-fulfilment workflow it seeded, `cimviz simulate` runs 30
// instances against it, and the editor shows them moving: it folds their
// events, pulses the transitions taken, counts instances at the steps,
// and its screenshot taken mid-run shows running steps glowing.
func TestWorkflowRunsInTheEditor(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	shot, saved, dump := filepath.Join(dir, "shot.png"), filepath.Join(dir, "saved.json"), filepath.Join(dir, "motion.json")
	// the editor hosts the services: once it took its screenshot and
	// exited, the simulator has nobody to talk to and is stopped
	_, done := hostedRun(t, bin, dir, []string{"CIMVIZ_MOTION_DUMP=" + dump},
		[]string{"--open", "order-fulfilment", "--size", "1280x800", "--script", filepath.Join("testdata", "motion", "watch.script"),
			"--screenshot", shot, "--save", saved},
		"--instances", "30", "--rate", "5", "--min-step", "300ms", "--max-step", "1500ms")
	out := <-done
	if out != nil {
		t.Fatalf("cimviz: %s", out)
	}
	if g := savedGraph(t, saved, "order-fulfilment"); len(g.Nodes) != 8 || len(g.Edges) != 9 {
		t.Errorf("the seeded workflow graph has %d nodes, %d edges; want the template's 8 and 9", len(g.Nodes), len(g.Edges))
	}
	checkMotionDump(t, dump)
	n := pixelsNear(readPNG(t, shot), 0x7e, 0xe7, 0x87, 24)
	t.Logf("%d pixels of the running glow in the mid-run screenshot", n)
	if n < 300 { // one glowing step rings it with about a thousand
		t.Errorf("the mid-run screenshot shows %d pixels of the running glow; want a glowing step", n)
	}
}

// TestEditorJoiningMidRunShowsRunningInstances: editor A hosts the
// services; the simulator starts every instance at once, with steps of
// several seconds; editor B opens on A's server after they all started and
// closes before any step ends. B never sees an instance start, yet it
// shows them where they stand: it asks the service for their state.
func TestEditorJoiningMidRunShowsRunningInstances(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	url, _ := hostedRun(t, bin, dir, nil,
		[]string{"--size", "640x400", "--script", filepath.Join("testdata", "motion", "host.script"), "--screenshot", filepath.Join(dir, "a.png")},
		"--instances", "12", "--rate", "50", "--min-step", "20s", "--max-step", "30s")
	time.Sleep(2 * time.Second) // every instance started; none moved on yet
	dump := filepath.Join(dir, "b.json")
	joiner := exec.Command(bin, "--nats", url, "--open", "order-fulfilment", "--size", "1280x800",
		"--script", filepath.Join("testdata", "motion", "join.script"), "--screenshot", filepath.Join(dir, "b.png"))
	joiner.Env = append(os.Environ(), "CIMVIZ_MOTION_DUMP="+dump)
	if out, err := runWithTimeout(joiner, 2*time.Minute); err != nil {
		t.Fatalf("joining editor: %v\n%s", err, out)
	}
	data, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	var d motionDump
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	running := 0
	for _, c := range d.MaxRuns {
		running += c.Running + c.Waiting
	}
	if d.Adopted != 12 || running != 12 {
		t.Errorf("the joining editor adopted %d instances and showed %d at their steps; want all 12 the simulator started", d.Adopted, running)
	}
}

// hostedRun starts an editor that hosts the services on a free port (with
// editorArgs and env added), waits until it seeded order-fulfilment, and
// runs the simulator on it with simArgs; both are stopped when the test
// ends. It returns
// the server's URL and the editor's exit (nil for a clean one).
func hostedRun(t *testing.T, bin, dir string, env, editorArgs []string, simArgs ...string) (string, <-chan []byte) {
	t.Helper()
	url := "nats://127.0.0.1:" + strconv.Itoa(freePort(t))
	ctx, stop := context.WithCancel(context.Background())
	editor := exec.CommandContext(ctx, bin, append([]string{"--data", filepath.Join(dir, "data"), "--listen", url[len("nats://"):], "--insecure"}, editorArgs...)...)
	editor.Env = append(os.Environ(), env...)
	done, exited := make(chan []byte, 1), make(chan struct{})
	go func() {
		out, err := runWithTimeout(editor, 3*time.Minute)
		done <- errOutput(out, err)
		close(exited)
	}()
	t.Cleanup(func() { stop(); <-exited }) // an editor still hosting is stopped when the test ends
	waitForGraph(t, url, "order-fulfilment", done)
	sim := exec.Command(bin, append([]string{"simulate", "order-fulfilment", "--nats", url}, simArgs...)...)
	if err := sim.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Process.Kill(); _ = sim.Wait() })
	return url, done
}

// errOutput is nil for a clean run, else the error and the output.
func errOutput(out []byte, err error) []byte {
	if err == nil {
		return nil
	}
	return append([]byte(err.Error()+"\n"), out...)
}

// waitForGraph waits until the editor's graph service lists the graph,
// then a moment more for the editor to follow the workflow events.
func waitForGraph(t *testing.T, url, id string, exited <-chan []byte) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case out := <-exited:
			t.Fatalf("the editor exited before seeding %s: %s", id, out)
		case <-time.After(300 * time.Millisecond):
		}
		if hasGraph(url, id) {
			time.Sleep(time.Second)
			return
		}
	}
	t.Fatalf("graph %s not seeded within 90s", id)
}

func hasGraph(url, id string) bool {
	nc, err := nats.Connect(url, nats.Timeout(time.Second))
	if err != nil {
		return false
	}
	defer nc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	list, err := graphdomain.NewClient(nc).List(ctx, false)
	return err == nil && slices.ContainsFunc(list, func(s graphdomain.Summary) bool { return s.ID == id })
}

func checkMotionDump(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no motion dump (is the motion wired into the live editor?): %v", err)
	}
	var d motionDump
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	running := 0
	for _, c := range d.MaxRuns {
		running += c.Running
	}
	if d.Events < 30 || d.Pulses == 0 || running == 0 || !slices.Contains(d.Shown, "order-fulfilment") {
		t.Errorf("the editor saw %d workflow events, pulsed %d transitions, counted %d running at most, showed %v; want the run's events, pulses and running steps on order-fulfilment",
			d.Events, d.Pulses, running, d.Shown)
	}
}

// pixelsNear counts the pixels within tol (per channel) of a colour.
func pixelsNear(img image.Image, r, g, b uint8, tol int) int {
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(pr>>8, r, tol) && near(pg>>8, g, tol) && near(pb>>8, b, tol) {
				n++
			}
		}
	}
	return n
}

func near(v uint32, want uint8, tol int) bool {
	d := int(v) - int(want)
	return d <= tol && d >= -tol
}
