package canvas

import (
	"testing"

	"github.com/cimviz/cimviz/ecs"
)

// hasColour reports whether some vertex of m is col (any alpha > 0) and
// lies within the box (pixels).
func hasColour(m *Mesh, col Color, x0, y0, x1, y1 float32) bool {
	for _, v := range m.V {
		if v.ColorR == col.R && v.ColorG == col.G && v.ColorB == col.B && v.ColorA > 0 &&
			v.DstX >= x0 && v.DstX <= x1 && v.DstY >= y0 && v.DstY <= y1 {
			return true
		}
	}
	return false
}

func stepScene(run Runs, pulse float32) *Scene {
	s := &Scene{Cam: Camera{Zoom: 1, W: 800, H: 400}}
	s.Nodes = []NodeView{{X: -200, Y: 0, W: 120, H: 50, Label: "Validate", Run: run},
		{X: 200, Y: 0, W: 120, H: 50, Label: "Ship"}}
	s.Edges = []EdgeView{{A: EndOf(&s.Nodes[0]), B: EndOf(&s.Nodes[1]), Pulse: pulse}}
	return s
}

// TestRuntimeStateShows: what a user watching a workflow run should see
// on a step: green around a running one, red on a failed one, a badge
// with the count of waiting instances, nothing on an idle one.
func TestRuntimeStateShows(t *testing.T) {
	// the first node is at pixels 200,200 with 60x25 half extents
	cases := []struct {
		name   string
		run    Runs
		col    Color
		x0, y0 float32
		x1, y1 float32
		texts  int // glyph quads added to the text layer by badges
	}{
		{"running glows green around the step", Runs{Running: 3}, colRunning, 120, 160, 280, 240, 1},
		{"failed turns the step red", Runs{Failed: 1}, colFailed, 130, 170, 270, 230, 1},
		{"waiting shows a badge at the top right", Runs{Waiting: 12}, colWaiting, 250, 160, 275, 190, 2},
		{"a step where a run broke glows green while others run", Runs{Running: 1, Failed: 1}, colRunning, 120, 160, 280, 240, 2},
		{"and stays red inside", Runs{Running: 1, Failed: 1}, colFailed, 130, 170, 270, 230, 2},
	}
	idle := NewFrame(testGlyphs)
	idle.BuildCanvas(stepScene(Runs{}, 0))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := NewFrame(testGlyphs)
			f.BuildCanvas(stepScene(c.run, 0))
			if !hasColour(&f.Layers[LayerCanvas], c.col, c.x0, c.y0, c.x1, c.y1) {
				t.Fatalf("no %v near the step", c.col)
			}
			if hasColour(&idle.Layers[LayerCanvas], c.col, c.x0, c.y0, c.x1, c.y1) {
				t.Fatalf("an idle step shows %v too", c.col)
			}
			got := f.Layers[LayerCanvasText].Triangles() - idle.Layers[LayerCanvasText].Triangles()
			if got != 2*c.texts {
				t.Fatalf("badge text: %d more triangles, want %d", got, 2*c.texts)
			}
		})
	}
}

// TestPulseTravels: a taken transition's dot leaves the source and
// arrives at the target as the pulse fades.
func TestPulseTravels(t *testing.T) {
	prev := float32(-1)
	for _, pulse := range []float32{1, 0.75, 0.5, 0.25, 0.01} {
		f := NewFrame(testGlyphs)
		f.BuildCanvas(stepScene(Runs{}, pulse))
		x, ok := dotX(&f.Layers[LayerCanvas])
		if !ok || x <= prev || x < 260 || x > 540 {
			t.Fatalf("pulse %.2f: dot at x=%.1f (found %v), previous %.1f; want between the nodes, moving right", pulse, x, ok, prev)
		}
		prev = x
	}
	f := NewFrame(testGlyphs)
	f.BuildCanvas(stepScene(Runs{}, 0))
	if _, ok := dotX(&f.Layers[LayerCanvas]); ok {
		t.Fatal("a dot without a pulse")
	}
}

// dotX finds the centre of the travelling dot: the mean x of its core's
// vertices.
func dotX(m *Mesh) (float32, bool) {
	var sum float32
	n := 0
	for _, v := range m.V {
		if v.ColorR == colTravel.R && v.ColorG == colTravel.G && v.ColorB == colTravel.B {
			sum += v.DstX
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float32(n), true
}

// BenchmarkWorkflowTick is one tick of watching 30 instances run on the
// order-fulfilment sample as the window does it: new counts on the steps,
// a transition pulsed, the systems run (pulses age), the scene patched
// and the canvas built. Idle is the same tick with nothing running; the
// push variants stop before building the canvas (the cost of getting the
// runtime state into the scene).
func BenchmarkWorkflowTick(b *testing.B) {
	for _, c := range []struct {
		name           string
		running, build bool
	}{{"idle", false, true}, {"30instances", true, true}, {"idle-push", false, false}, {"30instances-push", true, false}} {
		b.Run(c.name, func(b *testing.B) { benchWorkflowTick(b, c.running, c.build) })
	}
}

func benchWorkflowTick(b *testing.B, running, build bool) {
	ed, _ := sampleEditor(b)
	g := ed.Graph()
	ticks := make([]map[string]ecs.StepRun, 2)
	for k := range ticks {
		ticks[k] = map[string]ecs.StepRun{}
		for i := range 30 { // 30 instances spread over the steps, moving on each tick
			n := g.Nodes[(i+k)%len(g.Nodes)].ID
			r := ticks[k][n]
			r.Running++
			ticks[k][n] = r
		}
	}
	a, f, ui := NewAdapter(), NewFrame(testGlyphs), &UIView{}
	var sc Scene
	in := ecs.Input{Width: 1280, Height: 800, DT: 1.0 / 60, MouseX: -1, MouseY: -1}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if running {
			ed.SetStepRuns(ticks[i%2])
			ed.PulseEdge(g.Edges[i%len(g.Edges)].ID)
			i++
		}
		ed.Update(in)
		a.Fill(ed, &Window{}, &sc, ui)
		if build {
			f.BuildCanvas(&sc)
		}
	}
}
