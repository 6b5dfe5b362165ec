package canvas

import (
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

var testGlyphs = func() *Glyphs {
	g, err := NewGlyphs()
	if err != nil {
		panic(err)
	}
	return g
}()

// genScene draws a random scene: any shapes, flags, labels, edges
// (including loops and bends) and camera.
func genScene(t *rapid.T) *Scene {
	s := &Scene{Grid: rapid.SampledFrom([]float32{0, 20}).Draw(t, "grid")}
	s.Cam = Camera{X: rapid.Float32Range(-500, 500).Draw(t, "cx"), Y: rapid.Float32Range(-500, 500).Draw(t, "cy"),
		Zoom: rapid.Float32Range(0.02, 8).Draw(t, "zoom"), W: 640, H: 400}
	n := rapid.IntRange(0, 30).Draw(t, "nodes")
	for i := range n {
		s.Nodes = append(s.Nodes, NodeView{
			X: rapid.Float32Range(-800, 800).Draw(t, "x"), Y: rapid.Float32Range(-800, 800).Draw(t, "y"),
			W: rapid.Float32Range(1, 300).Draw(t, "w"), H: rapid.Float32Range(1, 120).Draw(t, "h"),
			Shape: Shape(rapid.IntRange(0, int(ShapeFramed)).Draw(t, "shape")),
			Flags: NodeFlags(rapid.Uint8().Draw(t, "flags")), Pulse: rapid.Float32Range(0, 1).Draw(t, "pulse"),
			Label: rapid.String().Draw(t, "label"),
			Run: Runs{Running: rapid.Int32Range(0, 3).Draw(t, "running"), Waiting: rapid.Int32Range(-1, 150).Draw(t, "waiting"),
				Failed: rapid.Int32Range(0, 2).Draw(t, "failed")}})
		_ = i
	}
	for range rapid.IntRange(0, 2*n).Draw(t, "edges") {
		a, b := rapid.IntRange(0, n-1).Draw(t, "a"), rapid.IntRange(0, n-1).Draw(t, "b")
		s.Edges = append(s.Edges, EdgeView{A: EndOf(&s.Nodes[a]), B: EndOf(&s.Nodes[b]),
			Bend: rapid.Float32Range(-0.5, 0.5).Draw(t, "bend"), Label: rapid.String().Draw(t, "elabel"),
			Pulse: rapid.SampledFrom([]float32{0, 0.5, 1}).Draw(t, "epulse")})
	}
	return s
}

// Every frame is well formed: whole triangles, indices inside the vertex
// slice, finite positions, and no more layers (draw calls) than LayerCount.
func TestFrameWellFormed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genScene(t)
		f := NewFrame(testGlyphs)
		f.BuildCanvas(s)
		f.BuildUI(&UIView{W: 640, H: 400, Kinds: WorkflowKinds, Help: []HelpRow{{"Edit", "ctrl+z", "Undo"}}})
		for li := range f.Layers {
			checkMesh(t, Layer(li), &f.Layers[li])
		}
		if f.NonEmptyLayers() > int(LayerCount) {
			t.Fatalf("%d draw calls", f.NonEmptyLayers())
		}
	})
}

func checkMesh(t *rapid.T, l Layer, m *Mesh) {
	if len(m.I)%3 != 0 {
		t.Fatalf("layer %d: %d indices, not whole triangles", l, len(m.I))
	}
	for _, i := range m.I {
		if int(i) >= len(m.V) {
			t.Fatalf("layer %d: index %d past %d vertices", l, i, len(m.V))
		}
	}
	for _, v := range m.V {
		if math.IsNaN(float64(v.DstX)) || math.IsNaN(float64(v.DstY)) || math.IsInf(float64(v.DstX), 0) {
			t.Fatalf("layer %d: vertex at (%v, %v)", l, v.DstX, v.DstY)
		}
	}
}

// Nodes and edges outside the viewport cost nothing.
func TestCullingSkipsOffscreen(t *testing.T) {
	s := &Scene{Cam: Camera{Zoom: 1, W: 800, H: 600}}
	s.Nodes = []NodeView{{X: 0, Y: 0, W: 120, H: 40, Label: "in view"}}
	f := NewFrame(testGlyphs)
	f.BuildCanvas(s)
	want := f.Vertices()
	far := NodeView{X: 5000, Y: 5000, W: 120, H: 40, Label: "far away"}
	s.Nodes = append(s.Nodes, far, far)
	s.Edges = []EdgeView{{A: EndOf(&s.Nodes[1]), B: EndOf(&s.Nodes[2]), Label: "far"}}
	f.BuildCanvas(s)
	if got := f.Vertices(); got != want {
		t.Errorf("off-screen nodes and edges added %d vertices", got-want)
	}
}

// Level of detail: labels vanish and nodes become quads when zoomed out;
// far out, nodes are pixels of the raster and the mesh has none.
func TestLevelOfDetail(t *testing.T) {
	for _, tc := range []struct {
		zoom       float32
		wantLabels bool
		maxNodeV   int
		raster     bool
	}{{1, true, 1000, false}, {0.3, false, 1000, false}, {0.05, false, 0, true}} {
		s := &Scene{Cam: Camera{Zoom: tc.zoom, W: 800, H: 600}}
		s.Nodes = []NodeView{{W: 140, H: 48, Label: "Review"}}
		f := NewFrame(testGlyphs)
		f.BuildCanvas(s)
		labels := len(f.Layers[LayerCanvasText].V) > 0
		nodeV := len(f.Layers[LayerCanvas].V) - 4 // minus the background quad
		if labels != tc.wantLabels || nodeV > tc.maxNodeV || (nodeV == 0) != tc.raster || f.Raster.On != tc.raster {
			t.Errorf("zoom %v: labels %v (want %v), %d node vertices (max %d), raster %v", tc.zoom, labels, tc.wantLabels, nodeV, tc.maxNodeV, f.Raster.On)
		}
	}
}

// Far out, the raster shows each node as a block of its kind's tint where
// the node is, edges as lines between them, and nothing elsewhere.
func TestOverviewRaster(t *testing.T) {
	s := &Scene{Cam: Camera{Zoom: 0.05, W: 800, H: 600}}
	s.Nodes = []NodeView{{X: -500, W: 140, H: 48, Shape: ShapeHexagon}, {X: 500, W: 140, H: 48, Flags: NodeSelected}}
	s.Edges = []EdgeView{{A: EndOf(&s.Nodes[0]), B: EndOf(&s.Nodes[1])}}
	f := NewFrame(testGlyphs)
	f.BuildCanvas(s)
	r := &f.Raster
	at := func(x, y float32) uint32 { p := s.Cam.ToScreen(x, y); return r.px[int(p.Y)*r.W+int(p.X)] }
	if !r.On || r.W != 800 || r.H != 600 || len(r.Pix) != 4*800*600 {
		t.Fatalf("raster on %v, %d×%d, %d bytes", r.On, r.W, r.H, len(r.Pix))
	}
	for _, c := range []struct {
		x, y float32
		want uint32
	}{{-500, 0, pack(mix(colNodeBody, accent[ShapeHexagon], 0.7))}, {500, 0, pack(colAccent)},
		{0, 0, pack(colEdge.Fade(0.6))}, {0, 2000, 0}} {
		if got := at(c.x, c.y); got != c.want {
			t.Errorf("pixel at world (%v, %v) = %#x, want %#x", c.x, c.y, got, c.want)
		}
	}
}

// Rebuilding a frame of the same scene allocates nothing.
func TestRebuildDoesNotAllocate(t *testing.T) {
	s := bigScene(500)
	fitAll(s)
	s.Cam.Zoom = 1
	f := NewFrame(testGlyphs)
	u := &UIView{W: 1280, H: 800, Kinds: WorkflowKinds, Crumbs: []string{"Root", "Child"}}
	build := func() { f.BuildCanvas(s); f.BuildUI(u) }
	build()
	if a := testing.AllocsPerRun(5, build); a != 0 {
		t.Errorf("%v allocations per frame", a)
	}
}

// Culling through the grid draws exactly what testing every node and edge
// draws, wherever the camera looks into a big scene.
func TestCullGridDrawsWhatTheTestsDraw(t *testing.T) {
	s := bigScene(1500)
	for i := range s.Edges {
		if i%7 == 0 {
			s.Edges[i].Bend = 0.18
		}
		if i%11 == 0 {
			s.Edges[i].B = s.Edges[i].A // loops
		}
		if i%13 == 0 {
			s.Edges[i].B = EndOf(&s.Nodes[(i*7919)%len(s.Nodes)]) // long edges
		}
	}
	indexed, plain := NewFrame(testGlyphs), NewFrame(testGlyphs)
	rapid.Check(t, func(t *rapid.T) {
		s.Cam = Camera{X: rapid.Float32Range(-500, 8000).Draw(t, "x"), Y: rapid.Float32Range(-500, 5000).Draw(t, "y"),
			Zoom: rapid.Float32Range(0.15, 3).Draw(t, "zoom"), W: 1280, H: 800}
		s.Version = 1
		indexed.BuildCanvas(s)
		s.Version = 0
		plain.BuildCanvas(s)
		if !indexed.cull.worth(&Scene{Version: 1, Nodes: s.Nodes, Edges: s.Edges}, indexed.view) && s.Cam.Zoom > 0.5 {
			t.Fatalf("the grid was not used at zoom %v", s.Cam.Zoom)
		}
		for l := range indexed.Layers {
			if !slices.Equal(indexed.Layers[l].V, plain.Layers[l].V) || !slices.Equal(indexed.Layers[l].I, plain.Layers[l].I) {
				t.Fatalf("layer %d: %d vertices through the grid, %d testing every item", l, len(indexed.Layers[l].V), len(plain.Layers[l].V))
			}
		}
	})
}
