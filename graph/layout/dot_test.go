package layout

import (
	"bytes"
	"errors"
	"os/exec"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// plainX is dot -Tplain output for a→d and b→c crossing between the top
// two ranks, and a long edge a→e that bends left through rank 2.
const plainX = `graph 1 3 3
node a 1 3 0.6 0.3 "" solid box black lightgrey
node b 2 3 0.6 0.3 "" solid box black lightgrey
node c 1 2 0.6 0.3 "" solid box black lightgrey
node "my d" 2 2 0.6 0.3 "" solid box black lightgrey
node e 1 1 0.6 0.3 "" solid box black lightgrey
edge a "my d" 4 1 2.85 1.3 2.5 1.7 2.4 2 2.15 solid black
edge b c 4 2 2.85 1.7 2.5 1.3 2.4 1 2.15 solid black
edge a e 7 1 2.85 0.5 2.5 0.5 2 0.5 2 0.5 2 0.5 1.5 1 1.15 solid black
stop
`

func TestParsePlain(t *testing.T) {
	routes, err := ParsePlain([]byte(plainX))
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) != 3 || routes[2].Layer != 0 || len(routes[2].X) != 3 || routes[2].X[1] != 0.5 {
		t.Fatalf("routes %+v", routes)
	}
	if got := CountCrossings(routes); got != 1 {
		t.Fatalf("%d crossings, want 1 (a→d with b→c)", got)
	}
}

func TestParsePlainRefusals(t *testing.T) {
	for _, in := range []string{
		"node a x 1 1 1",
		"node a 1",
		"edge a b 99 1 2",
		"edge a b",
		"edge a b 1 1 NaN",
		"node \"a 1 2",
	} {
		if _, err := ParsePlain([]byte(in)); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParsePlain(%q) = %v, want ErrSyntax", in, err)
		}
	}
}

func FuzzParsePlain(f *testing.F) {
	f.Add([]byte(plainX))
	f.Add([]byte("node a 1 1\nnode b 1 0\nedge a b 1 1 1\n"))
	f.Add([]byte("edge \"a\\\" b\" c 2 1 1 2 2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		routes, err := ParsePlain(data)
		if err != nil {
			return
		}
		for _, r := range routes {
			if len(r.X) < 2 {
				t.Fatalf("route %+v shorter than one segment", r)
			}
		}
		CountCrossings(routes)
	})
}

// TestCountCrossingsMatchesPairwise: the merge-sort count equals checking
// every pair of segments between the same layers.
func TestCountCrossingsMatchesPairwise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		routes := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) Route {
			var xs []float64
			for _, v := range rapid.SliceOfN(rapid.IntRange(0, 5), 2, 5).Draw(t, "xs") {
				xs = append(xs, float64(v))
			}
			return Route{Layer: rapid.IntRange(0, 3).Draw(t, "layer"), X: xs}
		}), 0, 12).Draw(t, "routes")
		if got, want := CountCrossings(cloneRoutes(routes)), pairwise(routes); got != want {
			t.Fatalf("count %d, pairwise %d", got, want)
		}
	})
}

func cloneRoutes(rs []Route) []Route {
	out := make([]Route, len(rs))
	for i, r := range rs {
		out[i] = Route{Layer: r.Layer, X: slices.Clone(r.X)}
	}
	return out
}

func pairwise(rs []Route) int {
	type seg struct {
		l    int
		a, b float64
	}
	var segs []seg
	for _, r := range rs {
		for i := 0; i+1 < len(r.X); i++ {
			segs = append(segs, seg{r.Layer + i, r.X[i], r.X[i+1]})
		}
	}
	n := 0
	for i := range segs {
		for j := range i {
			if p, q := segs[i], segs[j]; p.l == q.l && (p.a-q.a)*(p.b-q.b) < 0 {
				n++
			}
		}
	}
	return n
}

// TestLayeredNoMoreCrossingsThanDot runs Graphviz when it is installed: on
// workflow-like DAGs our drawings cross no more often than dot's.
func TestLayeredNoMoreCrossingsThanDot(t *testing.T) {
	bin, err := exec.LookPath("dot")
	if testing.Short() || err != nil {
		t.Skip("needs Graphviz dot and no -short")
	}
	ours, theirs := 0, 0
	for seed := range uint64(4) {
		g := SampleWorkflow(300, seed)
		cmd := exec.Command(bin, "-Tplain")
		cmd.Stdin = bytes.NewReader(DotInput(g))
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		routes, err := ParsePlain(out)
		if err != nil {
			t.Fatal(err)
		}
		ours, theirs = ours+NewLayered(g).Crossings(), theirs+CountCrossings(routes)
	}
	if ours > theirs {
		t.Fatalf("cimviz %d crossings, dot %d", ours, theirs)
	}
	t.Logf("cimviz %d crossings, dot %d", ours, theirs)
}
