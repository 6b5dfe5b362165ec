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
}

// newOutline expands d from its root. clean, when set, rewrites IDs into
// what the format can hold before they are made unique.
func newOutline(d *Document, clean func(string) string) (*outline, error) {
	root := d.RootGraph()
	if root == nil {
		return nil, fmt.Errorf("%w: root graph %q not in document", ErrInvalid, d.Root)
	}
	if clean == nil {
		clean = func(s string) string { return s }
	}
	o := &outliner{clean: clean, graphs: d.index(), expanded: map[string]bool{}, nodeIDs: map[string]bool{}, edgeIDs: map[string]bool{}}
	return o.expand(root), nil
}

func (o *outliner) expand(g *graph.Graph) *outline {
	o.expanded[g.ID] = true
	out := &outline{g: g}
	local := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		on := onode{id: uniqueID(o.nodeIDs, o.clean(n.ID)), n: n}
		local[n.ID] = on.id
		if sub := o.graphs[n.Ref]; sub != nil && !o.expanded[n.Ref] {
			on.sub = o.expand(sub)
		} else {
			on.ref = n.Ref
		}
		out.nodes = append(out.nodes, on)
	}
	for _, e := range g.Edges {
		out.edges = append(out.edges, oedge{id: uniqueID(o.edgeIDs, o.clean(e.ID)), from: local[e.From], to: local[e.To], e: e})
	}
	return out
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
