package layout_test

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// A diamond laid out top-down: one layer per step, no crossings.
func ExampleNewLayered() {
	g := graph.New("g", "")
	for _, id := range []string{"start", "left", "right", "end"} {
		_ = g.AddNode(graph.Node{ID: id})
	}
	for i, e := range [][2]string{{"start", "left"}, {"start", "right"}, {"left", "end"}, {"right", "end"}} {
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprint(i), From: e[0], To: e[1]})
	}
	l := layout.NewLayered(g, layout.WithRankSep(100))
	for i, p := range l.Positions() {
		fmt.Printf("%s y=%v\n", g.Nodes[i].ID, p.Y)
	}
	fmt.Println("crossings:", l.Crossings())
	// Output:
	// start y=0
	// left y=100
	// right y=100
	// end y=200
	// crossings: 0
}

// The editor steps a layout once per frame; Run does it all at once.
func ExampleRun() {
	g := layout.SampleWorkflow(50, 1)
	f := layout.NewForce(g, layout.WithSeed(42))
	frames := 0
	for !f.Step() {
		frames++
	}
	again := layout.Run(layout.NewForce(g, layout.WithSeed(42)), 0)
	fmt.Println(frames > 0, again[0] == f.Positions()[0])
	// Output: true true
}
