package ecs_test

import (
	"fmt"
	"strings"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
)

// A whole editing session without a window: a script drives the editor,
// the local service answers its commands.
func Example() {
	g := graph.New("flow", "Flow")
	svc := ecs.NewLocalService(g)
	ed := ecs.NewEditor(ecs.WithSize(800, 600), ecs.WithSource(svc.Graph))
	ed.Load(g)

	script, err := ecs.ParseScript(strings.NewReader(`
		move 300 300
		key n
		move 500 300
		key n
		drag left 346 300 500 300
	`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range script.Frames(800, 600) {
		ed.Update(in)
		svc.Pump(ed)
	}
	out, _ := svc.Graph("flow")
	fmt.Println(len(out.Nodes), "nodes,", len(out.Edges), "edge")
	fmt.Println(out.Nodes[0].Pos, out.Nodes[1].Pos)
	// Output:
	// 2 nodes, 1 edge
	// {-100 0} {100 0}
}
