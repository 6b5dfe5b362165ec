// Command crossings-vs-dot compares the edge crossings of cimviz's layered
// layout with Graphviz dot's on workflow-like DAGs. It generates each graph
// with layout.SampleWorkflow, lays it out, runs `dot -Tplain` on the same
// graph, counts crossings of both drawings with layout.CountCrossings and
// prints the ratio (ours / dot's; 0/0 counts as 1).
//
//	go run ./scripts/crossings-vs-dot -steps 1000 -seeds 5
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/cimviz/cimviz/graph/layout"
)

func main() {
	steps := flag.Int("steps", 1000, "workflow steps per graph")
	seeds := flag.Int("seeds", 3, "number of graphs (seeds 1..n)")
	dotBin := flag.String("dot", "dot", "Graphviz dot executable")
	flag.Parse()
	var ours, theirs int
	for seed := 1; seed <= *seeds; seed++ {
		o, d, err := compare(*dotBin, *steps, uint64(seed))
		if err != nil {
			fmt.Fprintln(os.Stderr, "crossings-vs-dot:", err)
			os.Exit(1)
		}
		ours, theirs = ours+o, theirs+d
	}
	fmt.Printf("total: cimviz %d, dot %d, ratio %.3f\n", ours, theirs, layout.CrossingsRatio(ours, theirs))
}

func compare(dotBin string, steps int, seed uint64) (int, int, error) {
	g := layout.SampleWorkflow(steps, seed)
	start := time.Now()
	l := layout.NewLayered(g)
	took := time.Since(start)
	cmd := exec.Command(dotBin, "-Tplain")
	cmd.Stdin = bytes.NewReader(layout.DotInput(g))
	start = time.Now()
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("running %s: %w", dotBin, err)
	}
	dotTook := time.Since(start)
	routes, err := layout.ParsePlain(out)
	if err != nil {
		return 0, 0, err
	}
	ours, theirs := l.Crossings(), layout.CountCrossings(routes)
	fmt.Printf("seed %d: %d nodes %d edges: cimviz %d crossings (%v), dot %d (%v), ratio %.3f\n",
		seed, g.NodeCount(), g.EdgeCount(), ours, took.Round(time.Millisecond), theirs, dotTook.Round(time.Millisecond), layout.CrossingsRatio(ours, theirs))
	return ours, theirs, nil
}
