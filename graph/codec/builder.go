package codec

import (
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/graph"
)

// builder collects the nodes, groups and edges of a format whose node IDs
// are document-wide (DOT, GraphML, Mermaid, Cytoscape) and turns them into a
// [Document] of nested graphs, lifting edges that cross groups.
type builder struct {
	root    string
	graphs  []*bgraph
	byID    map[string]*bgraph
	nodes   map[string]*bnode
	slab    []bnode
	order   []string
	edges   []graph.Edge
	edgeIDs map[string]bool
	attrs   map[string]string // the root graph's attributes, for Document.Attrs
}

// bgraph is a graph being built; proxy is the node standing for it in its
// parent graph (empty for the root).
type bgraph struct {
	id, name, proxy string
}

type bnode struct {
	n    graph.Node
	home string
}

func newBuilder(rootID, name string) *builder {
	if rootID == "" {
		rootID = "root"
	}
	b := &builder{root: rootID, byID: map[string]*bgraph{}, nodes: map[string]*bnode{}, edgeIDs: map[string]bool{}}
	b.addGraph(&bgraph{id: rootID, name: name})
	return b
}

func (b *builder) addGraph(g *bgraph) {
	b.graphs = append(b.graphs, g)
	b.byID[g.id] = g
}

// node returns the node with the ID, creating it in the root graph.
func (b *builder) node(id string) *graph.Node {
	n, _ := b.add(id, b.root)
	return n
}

// add creates a node in graph gid; fresh is false (and nothing changes)
// when the ID is taken.
func (b *builder) add(id, gid string) (n *graph.Node, fresh bool) {
	if bn, ok := b.nodes[id]; ok {
		return &bn.n, false
	}
	if len(b.slab) == cap(b.slab) {
		b.slab = make([]bnode, 0, 1024) // nodes in chunks: fewer allocations, stable pointers
	}
	b.slab = append(b.slab, bnode{n: graph.Node{ID: id}, home: gid})
	bn := &b.slab[len(b.slab)-1]
	b.nodes[id] = bn
	b.order = append(b.order, id)
	return &bn.n, true
}

func (b *builder) has(id string) bool { _, ok := b.nodes[id]; return ok }

// place moves a node (created if new) into graph gid.
func (b *builder) place(id, gid string) {
	b.node(id)
	b.nodes[id].home = gid
}

// home returns the graph a node lives in.
func (b *builder) home(id string) string { return b.nodes[id].home }

// group makes node nodeID stand for a new graph and returns that graph's
// ID: want, or want with a suffix when taken.
func (b *builder) group(nodeID, want, name string) string {
	n := b.node(nodeID)
	if n.Ref != "" {
		return n.Ref
	}
	gid := want
	for i := 2; b.byID[gid] != nil; i++ {
		gid = want + "#" + strconv.Itoa(i)
	}
	b.addGraph(&bgraph{id: gid, name: name, proxy: nodeID})
	n.Ref = gid
	return gid
}

// parent returns the graph holding g's proxy node, or "" for the root.
func (b *builder) parent(gid string) string {
	g := b.byID[gid]
	if g == nil || g.proxy == "" {
		return ""
	}
	return b.home(g.proxy)
}

// isWithin reports whether graph gid is anc or nested inside it.
func (b *builder) isWithin(gid, anc string) bool {
	for i := 0; gid != "" && i <= len(b.graphs); i++ {
		if gid == anc {
			return true
		}
		gid = b.parent(gid)
	}
	return false
}

// edge records an edge between document-wide node IDs; an empty or taken ID
// is replaced by a fresh one.
func (b *builder) edge(e graph.Edge) {
	if e.ID == "" || b.edgeIDs[e.ID] {
		base := "e" + strconv.Itoa(len(b.edges))
		e.ID = base
		for i := 2; b.edgeIDs[e.ID]; i++ {
			e.ID = base + "_" + strconv.Itoa(i)
		}
	}
	b.edgeIDs[e.ID] = true
	b.edges = append(b.edges, e)
}

// build assembles the document.
func (b *builder) build() (*Document, error) {
	depth, err := b.depths()
	if err != nil {
		return nil, err
	}
	gs := make(map[string]*graph.Graph, len(b.graphs))
	doc := &Document{Root: b.root, Attrs: b.rootAttrs()}
	for _, bg := range b.graphs {
		gs[bg.id] = graph.New(bg.id, bg.name)
		doc.Graphs = append(doc.Graphs, gs[bg.id])
	}
	var last *graph.Graph // runs of nodes share a graph; skip the lookup
	for _, id := range b.order {
		bn := b.nodes[id]
		if last == nil || last.ID != bn.home {
			last = gs[bn.home]
		}
		last.Nodes = append(last.Nodes, bn.n)
	}
	if err := b.placeEdges(doc, gs, depth); err != nil {
		return nil, err
	}
	return doc, finish(doc)
}

// rootAttrs is attrs, or nil when there are none.
func (b *builder) rootAttrs() map[string]string {
	if len(b.attrs) == 0 {
		return nil
	}
	return b.attrs
}

// setAttr records an attribute of the root graph.
func (b *builder) setAttr(k, v string) {
	if b.attrs == nil {
		b.attrs = map[string]string{}
	}
	b.attrs[k] = v
}

// depths gives each graph's nesting depth and rejects cycles of groups.
func (b *builder) depths() (map[string]int, error) {
	depth := map[string]int{}
	for _, g := range b.graphs {
		d, cur := 0, g.id
		for cur != b.root {
			if cur = b.parent(cur); cur == "" || d > len(b.graphs) {
				return nil, fmt.Errorf("%w: group %q is nested inside itself", ErrInvalid, g.proxy)
			}
			d++
		}
		depth[g.id] = d
	}
	return depth, nil
}

// placeEdges puts each edge into the graph holding both its ends, lifting
// an edge that crosses groups and noting its real ends in doc.Ends.
func (b *builder) placeEdges(doc *Document, gs map[string]*graph.Graph, depth map[string]int) error {
	for _, e := range b.edges {
		u, v := b.nodes[e.From], b.nodes[e.To]
		if u == nil || v == nil {
			return fmt.Errorf("%w: edge %q joins unknown node %q or %q", ErrInvalid, e.ID, e.From, e.To)
		}
		if u.home == v.home { // the common case: no lifting
			gs[u.home].Edges = append(gs[u.home].Edges, e)
			continue
		}
		ends := Ends{From: e.From, To: e.To}
		gid := b.lift(&e, u.home, v.home, depth)
		gs[gid].Edges = append(gs[gid].Edges, e)
		if doc.Ends == nil {
			doc.Ends = map[EdgeKey]Ends{}
		}
		doc.Ends[EdgeKey{Graph: gid, Edge: e.ID}] = ends
	}
	return nil
}

// lift moves an edge whose ends live in graphs hu and hv up to their
// lowest common graph, each end replaced by the group node holding it, and
// returns that graph.
func (b *builder) lift(e *graph.Edge, hu, hv string, depth map[string]int) string {
	for depth[hu] > depth[hv] {
		e.From, hu = b.byID[hu].proxy, b.parent(hu)
	}
	for depth[hv] > depth[hu] {
		e.To, hv = b.byID[hv].proxy, b.parent(hv)
	}
	for hu != hv {
		e.From, hu = b.byID[hu].proxy, b.parent(hu)
		e.To, hv = b.byID[hv].proxy, b.parent(hv)
	}
	return hu
}

// finish reindexes every graph and turns "ref" properties that name a graph
// of the document back into Ref.
func finish(doc *Document) error {
	graphs := doc.index()
	for _, g := range doc.Graphs {
		for i := range g.Nodes {
			n := &g.Nodes[i]
			if r, ok := n.Props["ref"]; ok && n.Ref == "" && graphs[r] != nil {
				n.Ref = r
				delete(n.Props, "ref")
				if len(n.Props) == 0 {
					n.Props = nil
				}
			}
		}
		if err := g.Reindex(); err != nil {
			return fmt.Errorf("%w: graph %q: %w", ErrInvalid, g.ID, err)
		}
	}
	return nil
}
