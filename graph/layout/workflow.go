package layout

import (
	"fmt"
	"math/rand/v2"

	"github.com/cimviz/cimviz/graph"
)

// SampleWorkflow returns a workflow-like DAG of about the given number of
// steps: a main line that forks into two or three parallel branches that
// join again, with now and then an edge that skips ahead (an error or
// escalation path) — the shape the layered layout is tuned for, and what
// benchmarks and the comparison with dot lay out. The same seed gives the
// same graph.
func SampleWorkflow(steps int, seed uint64) *graph.Graph {
	w := workflowGen{g: graph.New("workflow", "sample workflow"), rng: rand.New(rand.NewPCG(seed, 0xf10))}
	cur := w.node("start")
	for len(w.g.Nodes) < steps {
		switch r := w.rng.Float64(); {
		case r < 0.55:
			cur = w.chain(cur, 1)
		case r < 0.85:
			cur = w.fork(cur)
		default:
			cur = w.skip(cur)
		}
	}
	return w.g
}

type workflowGen struct {
	g   *graph.Graph
	rng *rand.Rand
}

func (w *workflowGen) node(kind string) string {
	id := fmt.Sprintf("s%d", len(w.g.Nodes))
	_ = w.g.AddNode(graph.Node{ID: id, Kind: kind, Label: kind + " " + id})
	return id
}

func (w *workflowGen) edge(from, to string) {
	_ = w.g.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", len(w.g.Edges)), From: from, To: to})
}

func (w *workflowGen) chain(from string, n int) string {
	for range n {
		next := w.node("step")
		w.edge(from, next)
		from = next
	}
	return from
}

// fork splits into parallel branches of different lengths and joins them.
func (w *workflowGen) fork(from string) string {
	split := w.chain(from, 1)
	ends := make([]string, 2+w.rng.IntN(2))
	for i := range ends {
		ends[i] = w.chain(split, 1+w.rng.IntN(5))
	}
	join := w.node("join")
	for _, e := range ends {
		w.edge(e, join)
	}
	return join
}

// skip adds a step and an edge into it from a random recent node.
func (w *workflowGen) skip(from string) string {
	next := w.chain(from, 1)
	back := max(0, len(w.g.Nodes)-2-w.rng.IntN(25))
	if src := w.g.Nodes[back].ID; src != from && src != next {
		w.edge(src, next)
	}
	return next
}
