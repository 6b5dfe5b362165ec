package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/hajimehoshi/ebiten/v2"
)

// play runs a script through the game, drawing after every tick as the
// window would (panels hit-test against the last drawn frame).
func play(t *testing.T, g *Game, script string) {
	t.Helper()
	s, err := ecs.ParseScript(strings.NewReader(script))
	if err != nil {
		t.Fatal(err)
	}
	screen := ebiten.NewImage(g.size.X, g.size.Y)
	defer screen.Deallocate()
	g.Play(s.Frames(g.size.X, g.size.Y))
	g.tick = 0
	for range len(g.script) {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		g.Draw(screen)
	}
}

func kindCount(g *Game, kind string) int {
	n := 0
	for _, nd := range g.Ed.Graph().Nodes {
		if nd.Kind == kind {
			n++
		}
	}
	return n
}

// Dragging a kind from the palette onto the canvas adds a node of it.
func TestPaletteDragAddsNode(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	l := canvas.LayoutFor(&canvas.UIView{W: 800, H: 600, Kinds: canvas.WorkflowKinds})
	before := kindCount(g, "approval")
	row := l.Kinds.Y + 30 + 5*26 + 13 // "approval" is the sixth kind
	play(t, g, "down left 60 "+itoa(row)+"\nmove 300 300\nmove 500 320\nup left 500 320\nwait 50ms\n")
	if got := kindCount(g, "approval"); got != before+1 {
		t.Errorf("approval nodes: %d after the drop, want %d", got, before+1)
	}
}

// Right-click opens the context menu; its first entry adds a node there.
func TestContextMenuAddsNode(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	nodes := len(g.Ed.Graph().Nodes)
	play(t, g, "click right 700 150\nwait 50ms\n")
	if !g.Win.Menu.Open {
		t.Fatal("right-click on the canvas did not open the menu")
	}
	play(t, g, "click left 720 160\nwait 50ms\n")
	if g.Win.Menu.Open || len(g.Ed.Graph().Nodes) != nodes+1 {
		t.Errorf("after choosing 'Add node here': menu open %v, %d nodes (want %d)", g.Win.Menu.Open, len(g.Ed.Graph().Nodes), nodes+1)
	}
}

// A click on the minimap centres the camera on that point of the graph.
func TestMinimapClickMovesCamera(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	play(t, g, "wait 20ms\n")
	l := canvas.LayoutFor(&g.ui)
	at := canvas.Vec{X: l.Mini.X + l.Mini.W/2, Y: l.Mini.Y + l.Mini.H - 12}
	wx, wy := l.MiniToWorld(&g.ui, at)
	play(t, g, "click left "+itoa(int(at.X))+" "+itoa(int(at.Y))+"\nwait 20ms\n")
	c := g.Ed.Camera().Center
	if d := (c.X-float64(wx))*(c.X-float64(wx)) + (c.Y-float64(wy))*(c.Y-float64(wy)); d > 1 {
		t.Errorf("camera at %v after the minimap click, want (%.0f, %.0f)", c, wx, wy)
	}
}

// Opening a subgraph adds a breadcrumb; clicking the first one goes back.
func TestBreadcrumbGoesBack(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	v, ok := g.Ed.Node("pay")
	if !ok {
		t.Fatal("sample has no node 'pay'")
	}
	p := g.Ed.Camera().ToScreen(v.Pos)
	play(t, g, "click left "+itoa(int(p[0]))+" "+itoa(int(p[1]))+"\nwait 400ms\nkey enter\nwait 50ms\n")
	if n := len(g.Ed.Breadcrumbs()); n != 2 {
		t.Fatalf("%d breadcrumbs after opening Payment, want 2", n)
	}
	x := (g.r.Frame.CrumbAtX(0) + 1)
	play(t, g, "click left "+itoa(int(x))+" 17\nwait 50ms\n")
	if n := len(g.Ed.Breadcrumbs()); n != 1 {
		t.Errorf("%d breadcrumbs after clicking the first, want 1", n)
	}
}

func itoa[T int | float32](v T) string { return strconv.Itoa(int(v)) }

// A click on the inspector's Kind field lists the kinds; choosing one
// changes the selected node's kind.
func TestInspectorChangesKind(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	v, _ := g.Ed.Node("pay")
	p := g.Ed.Camera().ToScreen(v.Pos)
	play(t, g, "click left "+itoa(int(p[0]))+" "+itoa(int(p[1]))+"\nwait 400ms\n")
	l := canvas.LayoutFor(&g.ui)
	if !g.ui.Inspector.Open || len(g.ui.Inspector.Fields) < 2 || g.ui.Inspector.Fields[1].Name != "Kind" {
		t.Fatalf("inspector after selecting pay: %+v", g.ui.Inspector)
	}
	play(t, g, "click left "+itoa(l.Inspector.X+40)+" "+itoa(l.Inspector.Y+44+44+20)+"\nwait 50ms\n")
	m := g.Win.Menu
	if !m.Open || len(m.Items) != len(canvas.WorkflowKinds) {
		t.Fatalf("kind menu: %+v", m)
	}
	play(t, g, "click left "+itoa(m.X+20)+" "+itoa(m.Y+4+4*26+13)+"\nwait 50ms\n") // the fifth kind
	if v, _ := g.Ed.Node("pay"); v.Kind != canvas.WorkflowKinds[4] || g.Win.Menu.Open {
		t.Errorf("pay is a %q after choosing %q; menu open %v", v.Kind, canvas.WorkflowKinds[4], g.Win.Menu.Open)
	}
}
