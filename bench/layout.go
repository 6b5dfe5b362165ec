package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"time"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// randomGraph is a graph of n nodes and m edges between random nodes, as
// the layout package's own benchmarks use.
func randomGraph(n, m int) (*graph.Graph, error) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := graph.New("bench", "")
	for i := range n {
		if err := g.AddNode(graph.Node{ID: strconv.Itoa(i)}); err != nil {
			return nil, err
		}
	}
	for k := range m {
		e := graph.Edge{ID: "e" + strconv.Itoa(k), From: strconv.Itoa(rng.IntN(n)), To: strconv.Itoa(rng.IntN(n))}
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// forceStep times single steps of a force layout that is far from settled
// (its first steps are hot, so every step does the full work).
func forceStep(n, reps int) (Measurement, error) {
	g, err := randomGraph(n, 3*n)
	if err != nil {
		return Measurement{}, err
	}
	f := layout.NewForce(g, layout.WithMaxSteps(1<<30))
	f.Step() // warm up
	var settled bool
	best := bestOf(reps, func() { settled = settled || f.Step() })
	if settled {
		return Measurement{}, errors.New("the layout settled while measured: steps did no work")
	}
	note := fmt.Sprintf("%d nodes, %d edges, Barnes-Hut, best of %d steps", n, 3*n, reps)
	return Measurement{Value: ms(best), Note: note}, nil
}

func measureForce10k(_ context.Context, s Size) (Measurement, error) {
	return forceStep(10_000, s.Pick(3, 10))
}

func measureForce100k(_ context.Context, s Size) (Measurement, error) {
	return forceStep(100_000, s.Pick(2, 5))
}

func measureLayered(_ context.Context, s Size) (Measurement, error) {
	g := layout.SampleWorkflow(1000, 1)
	reps := s.Pick(3, 10)
	best := bestOf(reps, func() { layout.NewLayered(g) })
	note := fmt.Sprintf("SampleWorkflow(1000): %d nodes, %d edges, best of %d", g.NodeCount(), g.EdgeCount(), reps)
	return Measurement{Value: ms(best), Note: note}, nil
}

// measureCrossings: edge crossings of our layered layout over Graphviz
// dot's, on the same workflow-like DAGs (summed over seeds). Both counts
// are in the note; the value is already the ratio.
func measureCrossings(ctx context.Context, s Size) (Measurement, error) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		return Measurement{}, fmt.Errorf("%w: Graphviz dot is not on PATH", ErrNotMeasured)
	}
	seeds := s.Pick(1, 3)
	var ours, theirs int
	for seed := 1; seed <= seeds; seed++ {
		g := layout.SampleWorkflow(1000, uint64(seed))
		d, err := dotCrossings(ctx, dot, g)
		if err != nil {
			return Measurement{}, err
		}
		ours, theirs = ours+layout.NewLayered(g).Crossings(), theirs+d
	}
	note := fmt.Sprintf("SampleWorkflow(1000) seeds 1..%d: cimviz %d crossings, dot %d", seeds, ours, theirs)
	return Measurement{Value: crossingRatio(ours, theirs), Note: note}, nil
}

// crossingRatio is ours over theirs; 0/0 counts as 1, n/0 as n.
func crossingRatio(ours, theirs int) float64 {
	if theirs == 0 {
		return max(float64(ours), 1)
	}
	return float64(ours) / float64(theirs)
}

func dotCrossings(ctx context.Context, dot string, g *graph.Graph) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, dot, "-Tplain")
	cmd.Stdin = bytes.NewReader(layout.DotInput(g))
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("running dot: %w", err)
	}
	routes, err := layout.ParsePlain(out)
	if err != nil {
		return 0, fmt.Errorf("reading dot's layout: %w", err)
	}
	return layout.CountCrossings(routes), nil
}
