package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// lib builds a library from a compact spec: graph ID → node specs "id" or
// "id->ref"; each graph also gets an edge between its first two nodes.
func lib(t tb, spec map[string][]string) *Library {
	t.Helper()
	ids := slices.Sorted(func(yield func(string) bool) {
		for k := range spec {
			if !yield(k) {
				return
			}
		}
	})
	l, _ := NewLibrary()
	for _, id := range ids {
		g := New(id, id)
		for i, s := range spec[id] {
			nid, ref, _ := strings.Cut(s, "->")
			must(t, g.AddNode(Node{ID: nid, Ref: ref, Pos: Point{X: float64(10 * i), Y: 1}}))
		}
		if len(g.Nodes) > 1 {
			must(t, g.AddEdge(Edge{ID: "e", From: g.Nodes[0].ID, To: g.Nodes[1].ID}))
		}
		must(t, l.Add(g))
	}
	return l
}

func TestLibraryRefusals(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a"}})
	if err := l.Add(New("A", "")); !errors.Is(err, ErrDuplicateID) {
		t.Fatalf("Add duplicate = %v", err)
	}
	if err := l.Add(New("", "")); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Add empty id = %v", err)
	}
	if err := l.Add(nil); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Add nil = %v", err)
	}
	if err := l.Remove("B"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Remove missing = %v", err)
	}
	if _, err := l.Tree("B", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Tree of missing root = %v", err)
	}
}

func TestTreeOfGraphContainingItself(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "me->A"}})
	tree, err := l.Tree("A", 0)
	must(t, err)
	want := TreeNode{Graph: "A", Children: []TreeNode{
		{Graph: "A", Node: "me", Depth: 1, Recursive: true, Ancestor: 0},
	}}
	assertTree(t, tree, want)
}

func TestTreeOfMutualRecursion(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "toB->B"}, "B": {"b", "toA->A", "lost->Z"}})
	tree, err := l.Tree("A", 0)
	must(t, err)
	want := TreeNode{Graph: "A", Children: []TreeNode{
		{Graph: "B", Node: "toB", Depth: 1, Children: []TreeNode{
			{Graph: "A", Node: "toA", Depth: 2, Recursive: true, Ancestor: 0},
			{Graph: "Z", Node: "lost", Depth: 2, Dangling: true},
		}},
	}}
	assertTree(t, tree, want)
	if got := l.DanglingRefs(); !slices.Equal(got, []Ref{{Graph: "B", Node: "lost", To: "Z"}}) {
		t.Fatalf("dangling refs %v", got)
	}
}

func TestTreeDepthLimit(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"x->B"}, "B": {"y->C"}, "C": {"z"}})
	tree, err := l.Tree("A", 1)
	must(t, err)
	want := TreeNode{Graph: "A", Children: []TreeNode{{Graph: "B", Node: "x", Depth: 1, Truncated: true}}}
	assertTree(t, tree, want)
}

func assertTree(t *testing.T, got, want TreeNode) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("tree\n got %+v\nwant %+v", got, want)
	}
}

func TestFlattenInlinesWithPrefixedIDs(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "sub->B"}, "B": {"p", "q"}})
	flat, err := l.Flatten("A", 1)
	must(t, err)
	ids := nodeIDs(flat)
	if !slices.Equal(ids, []string{"a", "sub", "sub/p", "sub/q"}) {
		t.Fatalf("flattened nodes %v", ids)
	}
	if _, ok := flat.Edge("sub/e"); !ok {
		t.Fatal("inner edge sub/e lost")
	}
	if e, ok := flat.Edge("e"); !ok || e.To != "sub" {
		t.Fatal("outer edge to the referring node lost")
	}
	q, _ := flat.Node("sub/q")
	if q.Pos != (Point{X: 20, Y: 2}) || q.Props[PropParent] != "sub" {
		t.Fatalf("inlined node %+v: want position relative to sub and parent prop", q)
	}
}

func TestFlattenStopsAtRecursion(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "toB->B", "me->A"}, "B": {"b", "toA->A"}})
	flat, err := l.Flatten("A", 10)
	must(t, err)
	want := []string{"a", "toB", "me", "toB/b", "toB/toA"}
	if ids := nodeIDs(flat); !slices.Equal(ids, want) {
		t.Fatalf("flattened nodes %v, want %v", ids, want)
	}
	if n, _ := flat.Node("toB/toA"); n.Ref != "A" {
		t.Fatal("recursive node lost its ref")
	}
}

func TestFlattenDepthZeroIsCopy(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "sub->B"}, "B": {"p"}})
	flat, err := l.Flatten("A", 0)
	must(t, err)
	if flat.NodeCount() != 2 {
		t.Fatalf("depth 0 inlined %v", nodeIDs(flat))
	}
}

func TestFlattenReportsIDClash(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"sub/p", "sub->B"}, "B": {"p"}})
	if _, err := l.Flatten("A", 1); !errors.Is(err, ErrDuplicateID) {
		t.Fatalf("Flatten with clashing IDs = %v", err)
	}
}

func nodeIDs(g *Graph) []string {
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

func TestBreadcrumbRecursiveNodeGrowsPath(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "me->A", "toB->B"}, "B": {"b"}})
	b := Breadcrumb{Root: "A"}
	for range 3 {
		var err error
		b, err = l.Open(b, "me")
		must(t, err)
	}
	b, err := l.Open(b, "toB")
	must(t, err)
	if got := b.Graphs(); !slices.Equal(got, []string{"A", "A", "A", "A", "B"}) {
		t.Fatalf("graphs along path %v", got)
	}
	if b.String() != "A › me › me › me › toB" || b.FlatID("b") != "me/me/me/toB/b" {
		t.Fatalf("path %q, flat id %q", b, b.FlatID("b"))
	}
	if up := b.Up(); up.Current() != "A" || len(up.Steps) != 3 || b.Current() != "B" {
		t.Fatal("Up changed the original or went wrong")
	}
}

func TestBreadcrumbRefusals(t *testing.T) {
	l := lib(t, map[string][]string{"A": {"a", "lost->Z", "toB->B"}, "B": {"b"}})
	root := Breadcrumb{Root: "A"}
	cases := []struct {
		node string
		want error
	}{{"zz", ErrNotFound}, {"a", ErrInvalid}, {"lost", ErrDangling}}
	for _, c := range cases {
		if _, err := l.Open(root, c.node); !errors.Is(err, c.want) {
			t.Errorf("Open(%q) = %v, want %v", c.node, err, c.want)
		}
	}
	b, err := l.Open(root, "toB")
	must(t, err)
	must(t, l.Remove("B"))
	if _, err := l.Resolve(b); !errors.Is(err, ErrDangling) {
		t.Fatalf("Resolve after removing B = %v", err)
	}
	a, _ := l.Graph("A")
	_, _ = a.RemoveNode("toB")
	if _, err := l.Resolve(b); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Resolve after removing the node = %v", err)
	}
}

// TestNestingTerminates: for random libraries full of self, mutual and
// dangling references, Tree and Flatten finish, recursion is marked at the
// first repeat of an ancestor and flattened IDs agree with breadcrumbs.
func TestNestingTerminates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		names := []string{"A", "B", "C", "D"}
		spec := map[string][]string{}
		for _, g := range names[:rapid.IntRange(1, 4).Draw(t, "graphs")] {
			spec[g] = []string{}
			for i := range rapid.IntRange(0, 3).Draw(t, "nodes") {
				ref := rapid.SampledFrom(append(names, "", "X")).Draw(t, "ref")
				spec[g] = append(spec[g], fmt.Sprintf("n%d->%s", i, ref))
			}
		}
		l := lib(t, spec)
		tree, err := l.Tree("A", 0)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, tree, nil)
		if _, err := l.Flatten("A", rapid.IntRange(0, 6).Draw(t, "depth")); err != nil {
			t.Fatal(err)
		}
	})
}

func checkTree(t *rapid.T, n TreeNode, path []string) {
	repeat := slices.Index(path, n.Graph)
	if n.Recursive != (repeat >= 0) || (n.Recursive && (n.Ancestor != repeat || len(n.Children) > 0)) {
		t.Fatalf("node %+v on path %v: recursion not marked right", n, path)
	}
	for _, c := range n.Children {
		checkTree(t, c, append(slices.Clone(path), n.Graph))
	}
}
