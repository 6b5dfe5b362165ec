package graph

import "slices"

// TreeNode is one graph as seen from a root: the root itself, or the graph
// a node refers to, reached through a chain of such references.
//
// A graph already open on the way down from the root is not opened again:
// its tree node is marked Recursive, Ancestor gives the depth of the tree
// node it repeats (0 is the root) and it has no children. So a graph that
// contains itself, or graphs that contain each other, give a finite tree.
type TreeNode struct {
	Graph     string     // the graph shown here
	Node      string     // the node of the parent graph referring to it; "" at the root
	Depth     int        // 0 at the root
	Recursive bool       // Graph repeats an ancestor and is not expanded
	Ancestor  int        // depth of the repeated ancestor when Recursive
	Dangling  bool       // Graph names no graph of the library
	Truncated bool       // children not listed because the depth limit was reached
	Children  []TreeNode // one per node with a Ref, in node order
}

// Tree resolves the nesting below root. maxDepth limits how deep it goes
// (0 means no limit: recursion alone keeps the tree finite, but graphs
// shared many times over can still make it wide).
func (l *Library) Tree(root string, maxDepth int) (TreeNode, error) {
	if _, err := l.lookup(root); err != nil {
		return TreeNode{}, err
	}
	w := treeWalk{lib: l, maxDepth: maxDepth}
	return w.expand(TreeNode{Graph: root}), nil
}

type treeWalk struct {
	lib      *Library
	maxDepth int
	path     []string // graphs open from the root to the current node
}

func (w *treeWalk) expand(t TreeNode) TreeNode {
	g, ok := w.lib.graphs[t.Graph]
	switch {
	case !ok:
		t.Dangling = true
		return t
	case slices.Contains(w.path, t.Graph):
		t.Recursive, t.Ancestor = true, slices.Index(w.path, t.Graph)
		return t
	case w.maxDepth > 0 && t.Depth >= w.maxDepth:
		t.Truncated = hasRefs(g)
		return t
	}
	w.path = append(w.path, t.Graph)
	for _, n := range g.Nodes {
		if n.Ref != "" {
			t.Children = append(t.Children, w.expand(TreeNode{Graph: n.Ref, Node: n.ID, Depth: t.Depth + 1}))
		}
	}
	w.path = w.path[:len(w.path)-1]
	return t
}

func hasRefs(g *Graph) bool {
	return slices.ContainsFunc(g.Nodes, func(n Node) bool { return n.Ref != "" })
}

// Walk calls visit for t and every tree node below it, depth first in
// order, and stops early when visit returns false.
func (t TreeNode) Walk(visit func(TreeNode) bool) bool {
	if !visit(t) {
		return false
	}
	for _, c := range t.Children {
		if !c.Walk(visit) {
			return false
		}
	}
	return true
}
