package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/render/canvas"
)

// diagram is n nodes of the workflow kinds on a square grid, each with two
// edges to random neighbours a few cells away, like a large real diagram.
func diagram(n int) (*graph.Graph, error) {
	side := 1
	for side*side < n {
		side++
	}
	rng := rand.New(rand.NewPCG(1, 2))
	g := graph.New("big", "big")
	for i := range n {
		nd := graph.Node{ID: "n" + strconv.Itoa(i), Label: "Step " + strconv.Itoa(i), Kind: canvas.WorkflowKinds[i%len(canvas.WorkflowKinds)],
			Pos: graph.Point{X: float64(i%side) * 200, Y: float64(i/side) * 120}}
		if err := g.AddNode(nd); err != nil {
			return nil, err
		}
	}
	for k := range 2 * n {
		to := max(0, min(n-1, k/2+rng.IntN(5)-2+side*(rng.IntN(3)-1)))
		e := graph.Edge{ID: "e" + strconv.Itoa(k), From: "n" + strconv.Itoa(k/2), To: "n" + strconv.Itoa(to), Label: "go"}
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// framer builds editor frames the way the window's Draw does (world to
// scene and panels, then triangles), minus the GPU upload.
type framer struct {
	ed    *ecs.Editor
	a     *canvas.Adapter
	f     *canvas.Frame
	win   canvas.Window
	scene canvas.Scene
	ui    canvas.UIView
}

// newFramer opens a diagram of n nodes and 2n edges in an editor, zoomed
// to fit everything, and builds one frame.
func newFramer(n int) (*framer, error) {
	g, err := diagram(n)
	if err != nil {
		return nil, err
	}
	glyphs, err := canvas.NewGlyphs()
	if err != nil {
		return nil, err
	}
	ed := ecs.NewEditor(ecs.WithSize(1280, 800))
	ed.Load(g)
	if !ed.Run("view.fit_all") {
		return nil, fmt.Errorf("the editor has no view.fit_all action")
	}
	fr := &framer{ed: ed, a: canvas.NewAdapter(), f: canvas.NewFrame(glyphs), win: canvas.Window{Conn: "bench", Online: true}}
	fr.build()
	return fr, nil
}

// build builds a frame and returns how long filling the scene from the
// world took and how long building the triangles took.
func (fr *framer) build() (fill, tris time.Duration) {
	start := time.Now()
	fr.a.Fill(fr.ed, &fr.win, &fr.scene, &fr.ui)
	mid := time.Now()
	fr.f.BuildCanvas(&fr.scene)
	fr.f.BuildUI(&fr.ui)
	return mid.Sub(start), time.Since(mid)
}

func frameBuild(n int, reps int) (Measurement, error) {
	fr, err := newFramer(n)
	if err != nil {
		return Measurement{}, err
	}
	var bestFill, bestTris time.Duration
	for i := range reps {
		runtime.GC()
		if fill, tris := fr.build(); i == 0 || fill+tris < bestFill+bestTris {
			bestFill, bestTris = fill, tris
		}
	}
	note := fmt.Sprintf("%d nodes, %d edges, fit to 1280×800, best of %d: fill scene from the ecs world %.1f ms + triangles (canvas, panels) %.1f ms, %d vertices",
		n, 2*n, reps, ms(bestFill), ms(bestTris), fr.f.Vertices())
	return Measurement{Value: ms(bestFill + bestTris), Note: note}, nil
}

func measureFrame10k(_ context.Context, s Size) (Measurement, error) {
	return frameBuild(10_000, s.Pick(5, 20))
}

func measureFrame100k(_ context.Context, s Size) (Measurement, error) {
	return frameBuild(100_000, s.Pick(2, 10))
}

// measureDrawCalls: layers with triangles in a 100k-node frame; the
// window sends each with one DrawTriangles32 call.
func measureDrawCalls(_ context.Context, _ Size) (Measurement, error) {
	fr, err := newFramer(100_000)
	if err != nil {
		return Measurement{}, err
	}
	note := fmt.Sprintf("100k nodes, 200k edges, fit: %d vertices in %d layers", fr.f.Vertices(), canvas.LayerCount)
	return Measurement{Value: float64(fr.f.NonEmptyLayers()), Note: note}, nil
}
