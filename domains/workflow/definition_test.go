package workflow

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

func TestTemplatesAreValidWorkflows(t *testing.T) {
	names := Templates()
	if len(names) < 5 {
		t.Fatalf("templates = %v, want at least 5", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			g, err := Template(name)
			if err != nil {
				t.Fatal(err)
			}
			if g.ID != name {
				t.Errorf("graph id %q differs from file name %q", g.ID, name)
			}
			if _, err := Compile(g, 1); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestUnknownTemplateNamesTheKnownOnes(t *testing.T) {
	_, err := Template("nope")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

// build makes a graph from "id:kind" nodes and "from>to[:label]" edges.
func build(t testing.TB, nodes []string, edges ...string) *graph.Graph {
	t.Helper()
	g := graph.New("wf", "test")
	for _, n := range nodes {
		id, kind, _ := strings.Cut(n, ":")
		if err := g.AddNode(graph.Node{ID: id, Kind: kind}); err != nil {
			t.Fatal(err)
		}
	}
	for i, e := range edges {
		ends, label, _ := strings.Cut(e, ":")
		from, to, _ := strings.Cut(ends, ">")
		if err := g.AddEdge(graph.Edge{ID: "e" + strconv.Itoa(i+1), From: from, To: to, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestValidationReportsEveryProblem(t *testing.T) {
	g := build(t,
		[]string{"s:start", "s2:start", "a:manual", "d:decision", "x:teleport", "lost:manual", "f:fork", "b1:manual", "j:join", "end:end", "loop:manual"},
		"s>a", "s2>a", "a>d", "d>end:amount >", "d>f", "f>b1", "f>end", "b1>j", "end>a", "loop>loop")
	_, err := Compile(g, 1)
	var verr *ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidDefinition) {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	want := []Problem{
		{Node: "s2", Msg: "second start step"},
		{Edge: "e4", Msg: "condition \"amount >\""},
		{Edge: "e5", Msg: "without a condition"},
		{Node: "x", Msg: "unknown step kind"},
		{Node: "lost", Msg: "not reachable"},
		{Node: "j", Msg: "join has 1 incoming"},
		{Node: "end", Msg: "end step has 1 outgoing"},
		{Node: "loop", Msg: "not reachable"},
		{Edge: "e10", Msg: "cannot lead to itself"},
		{Node: "f", Msg: "do not meet at a join"},
	}
	for _, w := range want {
		if !hasProblem(verr.Problems, w) {
			t.Errorf("missing problem %v in:\n%v", w, verr)
		}
	}
}

func TestValidationTable(t *testing.T) {
	tests := []struct {
		name  string
		nodes []string
		edges []string
		want  Problem // zero: valid
	}{
		{"minimal", []string{"s:start", "e:end"}, []string{"s>e"}, Problem{}},
		{"no start", []string{"a:manual", "e:end"}, []string{"a>e"}, Problem{Msg: "no start step"}},
		{"no end", []string{"s:start", "a:manual"}, []string{"s>a"}, Problem{Msg: "no end step"}},
		{"dead end", []string{"s:start", "d:decision", "a:manual", "b:manual", "e:end"},
			[]string{"s>d", "d>a:x", "d>e:default", "a>b", "b>a"}, Problem{Node: "a", Msg: "no end step can be reached"}},
		{"decision needs condition", []string{"s:start", "d:decision", "e:end"}, []string{"s>d", "d>e"}, Problem{Edge: "e2", Msg: "without a condition"}},
		{"decision with default only", []string{"s:start", "d:decision", "e:end"}, []string{"s>d", "d>e:default"}, Problem{}},
		{"two defaults", []string{"s:start", "d:decision", "e:end"}, []string{"s>d", "d>e:default", "d>e:default"}, Problem{Node: "d", Msg: "2 default"}},
		{"condition off a manual step", []string{"s:start", "a:manual", "e:end"}, []string{"s>a", "a>e:x > 1"}, Problem{Edge: "e2", Msg: "only a decision"}},
		{"manual branches", []string{"s:start", "a:manual", "e:end", "e2:end"}, []string{"s>a", "a>e", "a>e2"}, Problem{Node: "a", Msg: "exactly 1"}},
		{"edge into start", []string{"s:start", "d:decision", "e:end"}, []string{"s>d", "d>s:x", "d>e:default"}, Problem{Node: "s", Msg: "incoming"}},
		{"fork of one", []string{"s:start", "f:fork", "e:end"}, []string{"s>f", "f>e"}, Problem{Node: "f", Msg: "at least 2"}},
		{"fork and join balance", []string{"s:start", "f:fork", "a:manual", "b:manual", "j:join", "e:end"},
			[]string{"s>f", "f>a", "f>b", "a>j", "b>j", "j>e"}, Problem{}},
		{"nested forks", []string{"s:start", "f:fork", "g:fork", "a:manual", "b:manual", "c:manual", "k:join", "j:join", "e:end"},
			[]string{"s>f", "f>g", "f>c", "g>a", "g>b", "a>k", "b>k", "k>j", "c>j", "j>e"}, Problem{}},
		{"fork of 3 into join of 2", []string{"s:start", "f:fork", "a:manual", "b:manual", "c:manual", "j:join", "m:manual", "e:end"},
			[]string{"s>f", "f>a", "f>b", "f>c", "a>j", "b>j", "c>m", "j>m", "m>e"}, Problem{Node: "f", Msg: "do not meet at a join"}},
		{"join without fork", []string{"s:start", "d:decision", "a:manual", "b:manual", "j:join", "e:end"},
			[]string{"s>d", "d>a:x", "d>b:default", "a>j", "b>j", "j>e"}, Problem{Node: "j", Msg: "closes no fork"}},
		{"subworkflow without target", []string{"s:start", "c:subworkflow", "e:end"}, []string{"s>c", "c>e"}, Problem{Node: "c", Msg: "names no workflow"}},
		{"bad step id", []string{"s:start", "a.b:manual", "e:end"}, []string{"s>a.b", "a.b>e"}, Problem{Node: "a.b", Msg: "step id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(build(t, tt.nodes, tt.edges...), 1)
			var verr *ValidationError
			switch {
			case tt.want == (Problem{}) && err != nil:
				t.Fatalf("want valid, got %v", err)
			case tt.want != (Problem{}) && !errors.As(err, &verr):
				t.Fatalf("err = %v, want a problem %v", err, tt.want)
			case verr != nil && !hasProblem(verr.Problems, tt.want):
				t.Fatalf("missing problem %v in %v", tt.want, verr)
			}
		})
	}
}

func TestRetriesProperty(t *testing.T) {
	g := build(t, []string{"s:start", "a:automated", "e:end"}, "s>a", "a>e")
	g.Nodes[1].Props = map[string]string{"retries": "3"}
	d, err := Compile(g, 2)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := d.Step("a"); s.Retries != 3 || d.Version != 2 {
		t.Errorf("step = %+v version %d, want 3 retries at version 2", s, d.Version)
	}
	g.Nodes[1].Props["retries"] = "-1"
	if _, err := Compile(g, 1); !errors.Is(err, ErrInvalidDefinition) {
		t.Errorf("retries -1: err = %v", err)
	}
}

func hasProblem(ps []Problem, w Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool {
		return p.Node == w.Node && p.Edge == w.Edge && strings.Contains(p.Msg, w.Msg)
	})
}
