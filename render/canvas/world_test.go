package canvas

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/assets"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph/codec"
	"pgregory.net/rapid"
)

// sampleEditor opens the embedded order-fulfilment sample in an editor
// backed by the local service, fitted to a 1280×800 window.
func sampleEditor(t testing.TB) (*ecs.Editor, *ecs.LocalService) {
	t.Helper()
	b, err := assets.Sample(assets.DefaultSample)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := codec.DecodeJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	svc := ecs.NewLocalService(doc.Graphs...)
	ed := ecs.NewEditor(ecs.WithSize(1280, 800), ecs.WithSource(svc.Graph))
	ed.Load(doc.RootGraph())
	ed.Run("view.fit_all")
	return ed, svc
}

// The adapter shows what the editor holds: every node of the fitted sample,
// every edge, the path and the counts.
func TestAdapterShowsTheSample(t *testing.T) {
	ed, _ := sampleEditor(t)
	var s Scene
	var u UIView
	NewAdapter().Fill(ed, &Window{Conn: "local", Online: true}, &s, &u)
	g := ed.Graph()
	if len(s.Nodes) != len(g.Nodes) || len(s.Edges) != len(g.Edges) {
		t.Errorf("scene has %d nodes, %d edges; graph %d, %d", len(s.Nodes), len(s.Edges), len(g.Nodes), len(g.Edges))
	}
	if u.Status.Nodes != len(g.Nodes) || u.Status.Edges != len(g.Edges) || u.Status.Conn != "local" {
		t.Errorf("status %+v", u.Status)
	}
	if strings.Join(u.Crumbs, "/") != "Order fulfilment" {
		t.Errorf("crumbs %q", u.Crumbs)
	}
	refs := 0
	for _, n := range s.Nodes {
		if n.Flags&NodeRef != 0 {
			refs++
		}
	}
	if refs != 2 {
		t.Errorf("%d nodes marked as subgraph references, want 2", refs)
	}
}

// Opening a help overlay or selecting a node shows up in the UI view.
func TestAdapterOverlays(t *testing.T) {
	ed, _ := sampleEditor(t)
	ed.Run("help.toggle")
	ed.Run("edit.select_all")
	var s Scene
	var u UIView
	NewAdapter().Fill(ed, &Window{}, &s, &u)
	if len(u.Help) != len(ed.Keymap()) {
		t.Errorf("help shows %d rows, keymap has %d", len(u.Help), len(ed.Keymap()))
	}
	if !u.Inspector.Open || !strings.Contains(u.Inspector.Title, "13") {
		t.Errorf("inspector %+v after selecting all 13 nodes", u.Inspector)
	}
}

func TestHitTest(t *testing.T) {
	u := &UIView{W: 1280, H: 800, Kinds: WorkflowKinds, Mini: Minimap{Dots: []Vec{{0, 0}}, X1: 100, Y1: 100}}
	l := LayoutFor(u)
	for _, tc := range []struct {
		at    Vec
		where Region
		index int
	}{
		{Vec{640, 10}, OnTopBar, -1},
		{Vec{640, 795}, OnStatus, -1},
		{Vec{640, 400}, OnCanvas, -1},
		{Vec{l.Kinds.X + 20, l.Kinds.Y + 30 + rowH/2}, OnKinds, 0},
		{Vec{l.Kinds.X + 20, l.Kinds.Y + 30 + 2*rowH + 1}, OnKinds, 2},
		{Vec{l.Mini.X + 5, l.Mini.Y + 5}, OnMinimap, -1},
	} {
		if h := l.HitTest(u, tc.at); h.Where != tc.where || h.Index != tc.index {
			t.Errorf("HitTest(%v) = %+v, want %v/%d", tc.at, h, tc.where, tc.index)
		}
	}
}

// The SVG export is well-formed XML holding every label, escaped.
func TestWriteSVG(t *testing.T) {
	s := &Scene{Nodes: []NodeView{{X: 0, Y: 0, W: 120, H: 40, Label: "Check <A & B>"}, {X: 200, Y: 0, W: 44, H: 44, Shape: ShapeCircle, Label: "End"}}}
	s.Edges = []EdgeView{{A: EndOf(&s.Nodes[0]), B: EndOf(&s.Nodes[1]), Label: "ok"}, {A: EndOf(&s.Nodes[0]), B: EndOf(&s.Nodes[0])}}
	var b bytes.Buffer
	if err := WriteSVG(&b, s); err != nil {
		t.Fatal(err)
	}
	var texts []string
	dec := xml.NewDecoder(&b)
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid SVG: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			inText = v.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(v))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if strings.Join(texts, "|") != "ok|Check <A & B>|End" {
		t.Errorf("SVG texts %q", texts)
	}
}

func TestDiffPixels(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 4, 4))
	b := image.NewRGBA(image.Rect(0, 0, 4, 4))
	b.Set(1, 1, color.RGBA{10, 0, 0, 0})
	b.Set(2, 2, color.RGBA{200, 0, 0, 255})
	if bad, total := DiffPixels(a, b, 24); bad != 1 || total != 16 {
		t.Errorf("DiffPixels = %d of %d, want 1 of 16 (one small and one large change)", bad, total)
	}
	if bad, _ := DiffPixels(a, image.NewRGBA(image.Rect(0, 0, 5, 4)), 24); bad != 16 {
		t.Errorf("different sizes: %d differing pixels, want all 16", bad)
	}
}

// FillGraph exports every node, also those the camera does not show.
func TestFillGraphTakesEverything(t *testing.T) {
	ed, _ := sampleEditor(t)
	ed.Camera().Zoom = 4 // only a few nodes in view
	var whole Scene
	NewAdapter().FillGraph(ed, &whole)
	g := ed.Graph()
	shown := 0
	for range ed.VisibleNodes() {
		shown++
	}
	if len(whole.Nodes) != len(g.Nodes) || len(whole.Edges) != len(g.Edges) || shown >= len(g.Nodes) {
		t.Errorf("camera shows %d nodes, whole %d nodes %d edges; graph %d nodes %d edges",
			shown, len(whole.Nodes), len(whole.Edges), len(g.Nodes), len(g.Edges))
	}
}

// Clicking an edge selects it: it is drawn selected and the inspector
// shows its ends.
func TestSelectedEdgeInInspector(t *testing.T) {
	ed, _ := sampleEditor(t)
	a, _ := ed.Node("valid")
	b, _ := ed.Node("notify")
	c := ed.Camera()
	pa, pb := c.ToScreen(a.Pos), c.ToScreen(b.Pos)
	mid := pa.Add(pb).Mul(0.5)
	ed.Update(ecs.Input{MouseX: mid[0], MouseY: mid[1], Pressed: ecs.ButtonLeft, Held: ecs.ButtonLeft, Width: 1280, Height: 800})
	ed.Update(ecs.Input{MouseX: mid[0], MouseY: mid[1], Released: ecs.ButtonLeft, Width: 1280, Height: 800})
	var s Scene
	var u UIView
	NewAdapter().Fill(ed, &Window{}, &s, &u)
	selected := 0
	for _, e := range s.Edges {
		if e.Flags&EdgeSelected != 0 {
			selected++
		}
	}
	if selected != 1 || u.Inspector.Title != "Edge e4" || len(u.Inspector.Fields) < 3 || u.Inspector.Fields[1].Value != "valid" {
		t.Errorf("%d edges drawn selected; inspector %+v", selected, u.Inspector)
	}
}

// The adapter keeps the scene's nodes and edges while only the camera
// moves, yet after any mix of gestures and actions its scene is the one a
// fresh adapter fills.
func TestKeptSceneFollowsTheWorld(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		ed, svc := sampleEditor(t)
		kept := NewAdapter()
		var s Scene
		var u UIView
		check := func() {
			kept.Fill(ed, &Window{}, &s, &u)
			var fresh Scene
			NewAdapter().Fill(ed, &Window{}, &fresh, &UIView{})
			if !slices.Equal(sorted(s.Nodes), sorted(fresh.Nodes)) || !slices.Equal(sorted(s.Edges), sorted(fresh.Edges)) || s.Cam != fresh.Cam {
				rt.Fatalf("kept scene differs from a fresh one:\n%s", sceneDiff(&s, &fresh))
			}
		}
		actions := []string{"view.zoom_in", "view.zoom_out", "edit.select_all", "edit.cancel", "view.fit_all", "view.toggle_grid",
			"layout.align_left", "view.collapse", "view.expand", "edit.rename"}
		ids := []string{"start", "pay", "ship", "e4", "e1"}
		for range rapid.IntRange(1, 12).Draw(rt, "steps") {
			switch rapid.IntRange(0, 5).Draw(rt, "what") {
			case 0: // a pulse glowing for a few ticks
				id := rapid.SampledFrom(ids).Draw(rt, "pulse")
				ed.PulseNode(id)
				ed.PulseEdge(id)
				ed.SetStepRuns(map[string]ecs.StepRun{rapid.SampledFrom(ids).Draw(rt, "step"): {Running: rapid.IntRange(0, 2).Draw(rt, "running"),
					Waiting: rapid.IntRange(0, 2).Draw(rt, "waiting")}})
				ed.Update(ecs.Input{Width: 1280, Height: 800, DT: 0.2})
				check()
			case 1: // typing (into the label editor when open)
				ed.Update(ecs.Input{Width: 1280, Height: 800, Text: []rune("ab")})
			case 2, 3:
				x, y := gesturePoint(rt, ed)
				btn := rapid.SampledFrom([]ecs.Button{0, ecs.ButtonLeft}).Draw(rt, "button")
				ed.Update(ecs.Input{MouseX: x, MouseY: y, Pressed: btn, Held: btn, Width: 1280, Height: 800})
				check()
				ed.Update(ecs.Input{MouseX: x + 30, MouseY: y + 10, Held: btn, Width: 1280, Height: 800})
				check()
				ed.Update(ecs.Input{MouseX: x + 30, MouseY: y + 10, Released: btn, Width: 1280, Height: 800})
			default:
				ed.Run(rapid.SampledFrom(actions).Draw(rt, "action"))
			}
			if rapid.Bool().Draw(rt, "pump") {
				svc.Pump(ed)
			}
			check()
		}
	})
}

// gesturePoint is a screen point near a random node (rapid's numbers
// crowd at the ends of their range, where there are no nodes) or anywhere.
func gesturePoint(rt *rapid.T, ed *ecs.Editor) (float64, float64) {
	g := ed.Graph()
	if len(g.Nodes) == 0 || rapid.IntRange(0, 3).Draw(rt, "anywhere") == 0 {
		return float64(rapid.IntRange(0, 1280).Draw(rt, "x")), float64(rapid.IntRange(0, 800).Draw(rt, "y"))
	}
	n := g.Nodes[rapid.IntRange(0, len(g.Nodes)-1).Draw(rt, "node")]
	v, _ := ed.Node(n.ID)
	p := ed.Camera().ToScreen(v.Pos)
	return p[0] + float64(rapid.IntRange(-20, 20).Draw(rt, "dx")), p[1] + float64(rapid.IntRange(-20, 20).Draw(rt, "dy"))
}

// sorted lists the items of a scene as text, in order (the order of
// nodes and edges in a scene follows the world's storage, which hover and
// selection change; what is drawn does not depend on it).
func sorted[T any](items []T) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%+v", it)
	}
	slices.Sort(out)
	return out
}

// sceneDiff describes the first differences between two scenes.
func sceneDiff(a, b *Scene) string {
	var out []string
	an, bn, ae, be := sorted(a.Nodes), sorted(b.Nodes), sorted(a.Edges), sorted(b.Edges)
	for i := range min(len(an), len(bn)) {
		if an[i] != bn[i] {
			out = append(out, "node "+an[i]+", want "+bn[i])
		}
	}
	for i := range min(len(ae), len(be)) {
		if ae[i] != be[i] {
			out = append(out, "edge "+ae[i]+", want "+be[i])
		}
	}
	return fmt.Sprintf("%d/%d nodes, %d/%d edges, camera %v/%v\n%s", len(a.Nodes), len(b.Nodes), len(a.Edges), len(b.Edges),
		a.Cam, b.Cam, strings.Join(out[:min(len(out), 6)], "\n"))
}
