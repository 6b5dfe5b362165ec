package test

import (
	"context"
	"encoding/json"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/render/canvas"
)

// TestSpaceViewDrag opens the colours space in the editor's space view on
// an embedded server, drags the green prototype next to the sky with a
// script, and checks what the service saved (the prototype at its new
// place, items that changed category) and the screenshots before and
// after against golden images. A second run shows the space in 3D. It
// needs a display: run under xvfb-run -a.
func TestSpaceViewDrag(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	data, out := t.TempDir(), t.TempDir()
	run := func(spaceArg, script, shot, save string) {
		t.Helper()
		args := []string{"edit", "--space", spaceArg, "--data", data, "--size", "1280x800", "--screenshot", shot}
		if script != "" {
			args = append(args, "--script", filepath.Join("testdata", "space", script))
		}
		if save != "" {
			args = append(args, "--save", save)
		}
		if log, err := runWithTimeout(exec.Command(bin, args...), 2*time.Minute); err != nil {
			t.Fatalf("cimviz %v: %v\n%s", args, err, log)
		}
	}
	before, after, saved := filepath.Join(out, "before.png"), filepath.Join(out, "after.png"), filepath.Join(out, "space.json")
	run("colours:hue,brightness", "", before, "")
	run("colours:hue,brightness", "drag.script", after, saved)
	sp := savedSpace(t, saved)
	checkMoved(t, sp)
	checkRecategorized(t, sp)
	checkSpaceGolden(t, before, "before-2d.png")
	checkSpaceGolden(t, after, "after-2d.png")
	if bad, total := diffFiles(t, before, after); bad < total/100 {
		t.Errorf("the drag changed only %d of %d pixels", bad, total)
	}
	threeD := filepath.Join(out, "3d.png")
	run("colours:hue,brightness,saturation", "orbit.script", threeD, "")
	checkSpaceGolden(t, threeD, "orbit-3d.png")
}

// TestSpaceViewRefusal drags the fruit space's berry beyond its bounds:
// the service refuses the move, the saved space still has it tiny, the
// plot looks as before and the status bar says why (golden).
func TestSpaceViewRefusal(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	data, out := t.TempDir(), t.TempDir()
	before, after, saved := filepath.Join(out, "before.png"), filepath.Join(out, "after.png"), filepath.Join(out, "space.json")
	for _, r := range []struct{ script, shot, save string }{{"", before, ""}, {"refused.script", after, saved}} {
		args := []string{"edit", "--space", "fruit:size,acidity", "--data", data, "--size", "1280x800", "--screenshot", r.shot}
		if r.script != "" {
			args = append(args, "--script", filepath.Join("testdata", "space", r.script), "--save", r.save)
		}
		if log, err := runWithTimeout(exec.Command(bin, args...), 2*time.Minute); err != nil {
			t.Fatalf("cimviz %v: %v\n%s", args, err, log)
		}
	}
	sp := savedSpace(t, saved)
	if i := sp.Concept("berry"); i < 0 || sp.Concepts[i].Prototype["size"].Label != "tiny" {
		t.Errorf("berry saved as %v, want still tiny", sp.Concepts)
	}
	plot := image.Rect(240, 44, 1280, 770) // all but the sidebar, title and status bars
	if bad, _ := canvas.DiffPixels(crop(t, before, plot), crop(t, after, plot), 24); bad > 0 {
		t.Errorf("%d pixels of the plot differ after the refused move; want it snapped back", bad)
	}
	checkSpaceGolden(t, after, "refused-2d.png")
}

// TestSpaceViewWeights switches the fruit space to the cooking context
// and drags the taste weight to 0: one set_weights reaches the service
// (saved weights: taste 0, the others as they were) and the cells are
// drawn under the new weights (golden).
func TestSpaceViewWeights(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	out := t.TempDir()
	shot, saved := filepath.Join(out, "after.png"), filepath.Join(out, "space.json")
	args := []string{"edit", "--space", "fruit:sweetness,roundness", "--data", t.TempDir(), "--size", "1280x800",
		"--script", filepath.Join("testdata", "space", "weights.script"), "--screenshot", shot, "--save", saved}
	if log, err := runWithTimeout(exec.Command(bin, args...), 2*time.Minute); err != nil {
		t.Fatalf("cimviz %v: %v\n%s", args, err, log)
	}
	got := savedSpace(t, saved).Weights["cooking"]
	want := map[string]float64{"taste": 0, "shape": 0.5, "colour": 0.5, "texture": 0.5}
	for dom, w := range want {
		if got[dom] != w {
			t.Errorf("cooking weight of %s = %g, want %g (saved %v)", dom, got[dom], w, got)
		}
	}
	checkSpaceGolden(t, shot, "weights-2d.png")
}

// TestSpaceViewFollowsEvents opens the colours space on a `cimviz serve`
// while another client moves the sky item: the view follows the
// concept's events, redraws the item at its new place and says the
// space changed elsewhere (golden).
func TestSpaceViewFollowsEvents(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	srv := startServe(t, bin, t.TempDir(), freePort(t))
	shot := filepath.Join(t.TempDir(), "followed.png")
	done := make(chan error, 1)
	var log []byte
	go func() {
		var err error
		log, err = runWithTimeout(exec.Command(bin, "edit", "--space", "colours:hue,brightness", "--nats", srv.url, "--size", "1280x800",
			"--script", filepath.Join("testdata", "space", "idle.script"), "--screenshot", shot), 2*time.Minute)
		done <- err
	}()
	client := service.NewClient(connect(t, srv.url), concept.Name)
	waitForSpace(t, client, "colours")
	time.Sleep(2 * time.Second) // the view has read the space and listens
	move := concept.Move{Name: "sky", To: space.Point{"hue": space.Num(100), "saturation": space.Num(0.6), "brightness": space.Num(0.3)}}
	raw, _ := json.Marshal(move)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := client.Send(ctx, message.NewCommand(concept.Name, "move_item", "colours", raw)); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("cimviz edit --space: %v\n%s", err, log)
	}
	checkSpaceGolden(t, shot, "followed-2d.png")
}

// waitForSpace polls until the editor has seeded the sample space id
// (all its items).
func waitForSpace(t *testing.T, client *service.Client, id string) {
	t.Helper()
	want := len(sampleSpace(t, id).Items)
	deadline := time.Now().Add(time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		var ans concept.SpaceAnswer
		err := client.Query(ctx, "get", id, nil, &ans)
		cancel()
		if err == nil && ans.Space != nil && len(ans.Space.Items) == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("space %s never appeared: %v", id, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func sampleSpace(t *testing.T, id string) *space.Space {
	t.Helper()
	samples, err := concept.Samples()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.ID == id {
			return &s.Space
		}
	}
	t.Fatalf("no sample space %q", id)
	return nil
}

func crop(t *testing.T, path string, r image.Rectangle) image.Image {
	t.Helper()
	img, ok := readPNG(t, path).(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		t.Fatalf("%s: cannot crop", path)
	}
	return img.SubImage(r)
}

func savedSpace(t *testing.T, path string) *space.Space {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ans concept.SpaceAnswer
	if err := json.Unmarshal(raw, &ans); err != nil || ans.Space == nil {
		t.Fatalf("saved space: %v", err)
	}
	return ans.Space
}

// checkMoved: the green prototype is where the drag left it, its
// saturation untouched.
func checkMoved(t *testing.T, sp *space.Space) {
	t.Helper()
	i := sp.Concept("green")
	if i < 0 {
		t.Fatal("no green concept in the saved space")
	}
	p := sp.Concepts[i].Prototype
	if math.Abs(p["hue"].Num-200) > 2 || math.Abs(p["brightness"].Num-0.9) > 0.01 || p["saturation"].Num != 0.8 {
		t.Errorf("green's prototype is %v, want hue 200, brightness 0.9, saturation still 0.8", p)
	}
}

// checkRecategorized: some item is now another colour than in the sample
// (the sky, next to green's new prototype).
func checkRecategorized(t *testing.T, sp *space.Space) {
	t.Helper()
	orig := sampleSpace(t, "colours")
	changed := 0
	for _, it := range sp.Items {
		now, err1 := sp.Categorize(it.Point, "")
		was, err2 := orig.Categorize(it.Point, "")
		if err1 != nil || err2 != nil {
			t.Fatalf("categorize %s: %v %v", it.Name, err1, err2)
		}
		if now.Name != was.Name {
			t.Logf("%s: %s -> %s", it.Name, was.Name, now.Name)
			changed++
		}
	}
	if changed == 0 {
		t.Error("no item changed category after the drag")
	}
	if m, _ := sp.Categorize(sp.Items[sp.Item("sky")].Point, ""); m.Name != "green" {
		t.Errorf("sky is %s, want green now", m.Name)
	}
}

// checkSpaceGolden compares a screenshot with testdata/space/NAME
// (rewritten with -update).
func checkSpaceGolden(t *testing.T, shot, name string) {
	t.Helper()
	checkGolden(t, shot, filepath.Join("testdata", "space", name), 0.005)
}
