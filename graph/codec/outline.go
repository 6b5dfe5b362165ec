package codec

import (
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/graph"
)

// outline is the nesting tree an exporter writes: the root graph with each
// referenced graph expanded under the first node that refers to it, and node
// and edge IDs made unique document-wide (the formats share one namespace).
type outline struct {
	g     *graph.Graph
	nodes []onode
	edges []oedge
}

// onode is a node to write. sub is set when it is written as a group; ref is
// set when its Ref could not nest (a cycle or a second reference).
type onode struct {
	id  string
	n   graph.Node
	sub *outline
	ref string
}

type oedge struct {
	id, from, to string
	e            graph.Edge
}

type outliner struct {
	clean    func(string) string
	graphs   map[string]*graph.Graph
	expanded map[string]bool
	nodeIDs  map[string]bool
	edgeIDs  map[string]bool
	ends     map[EdgeKey]Ends
}

// newOutline expands d from its root. clean, when set, rewrites IDs into
// what the format can hold before they are made unique. An edge with real
// ends in d.Ends is written between those inner nodes.
func newOutline(d *Document, clean func(string) string) (*outline, error) {
	root := d.RootGraph()
	if root == nil {
		return nil, fmt.Errorf("%w: root graph %q not in document", ErrInvalid, d.Root)
	}
	if clean == nil {
		clean = func(s string) string { return s }
	}
	o := &outliner{clean: clean, graphs: d.index(), expanded: map[string]bool{}, nodeIDs: map[string]bool{}, edgeIDs: map[string]bool{}, ends: d.Ends}
	return o.expand(root), nil
}

func (o *outliner) expand(g *graph.Graph) *outline {
	o.expanded[g.ID] = true
	out := &outline{g: g}
	local := make(map[string]int, len(g.Nodes))
	for _, n := range g.Nodes {
		on := onode{id: uniqueID(o.nodeIDs, o.clean(n.ID)), n: n}
		local[n.ID] = len(out.nodes)
		if sub := o.graphs[n.Ref]; sub != nil && !o.expanded[n.Ref] {
			on.sub = o.expand(sub)
		} else {
			on.ref = n.Ref
		}
		out.nodes = append(out.nodes, on)
	}
	for _, e := range g.Edges {
		ends, ok := o.ends[EdgeKey{Graph: g.ID, Edge: e.ID}]
		if !ok {
			ends = Ends{From: e.From, To: e.To}
		}
		from, to := out.endID(local, e.From, ends.From), out.endID(local, e.To, ends.To)
		out.edges = append(out.edges, oedge{id: uniqueID(o.edgeIDs, o.clean(e.ID)), from: from, to: to, e: e})
	}
	return out
}

// endID is the written ID of an edge's end: node inner inside node id of
// this graph (id itself when inner is not found there).
func (out *outline) endID(local map[string]int, id, inner string) string {
	i, ok := local[id]
	if !ok {
		return ""
	}
	n := out.nodes[i]
	if id != inner && n.sub != nil {
		if found := n.sub.find(inner); found != "" {
			return found
		}
	}
	return n.id
}

// find returns the written ID of the first node called id in this outline
// or the groups under it, depth first, or "".
func (out *outline) find(id string) string {
	for _, n := range out.nodes {
		if n.n.ID == id {
			return n.id
		}
		if n.sub != nil {
			if found := n.sub.find(id); found != "" {
				return found
			}
		}
	}
	return ""
}

// uniqueID returns id, or id with a numeric suffix when taken, and marks it.
func uniqueID(used map[string]bool, id string) string {
	u := id
	for i := 2; used[u]; i++ {
		u = id + "_" + strconv.Itoa(i)
	}
	used[u] = true
	return u
}

// label is what a group node shows: its label, else its graph's name.
func (n onode) label() string {
	if n.n.Label == "" && n.sub != nil {
		return n.sub.g.Name
	}
	return n.n.Label
}
