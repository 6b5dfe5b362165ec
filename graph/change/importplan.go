package change

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// DefaultChunkBytes is the default budget of one command in an import
// plan: under the service harness's 64 KiB command limit, with room for
// the envelope.
const DefaultChunkBytes = 48 << 10

// ImportOptions tunes [PlanImport].
type ImportOptions struct {
	// Exists reports graphs that exist already (nil: none do).
	Exists func(id string) bool
	// Replace lets the plan replace the content of existing graphs;
	// without it an existing graph is refused with ErrDuplicate.
	Replace bool
	// ChunkBytes bounds the JSON size of the nodes and edges one command
	// carries (0: DefaultChunkBytes).
	ChunkBytes int
}

// PlanImport returns the commands that bring a set of graphs (a decoded
// file: a root and the graphs its nodes stand for) into the graph domain.
//
// Graphs a node refers to come before the graph referring to them, so
// every link is to a known graph; graphs that refer to each other are
// first created empty and then filled with replace_graph. A graph too big
// for one command is imported with its first chunk and completed with
// restore_elements, nodes before edges, each element at its index, so the
// result equals the input. The plan is refused before anything is sent
// when an ID cannot name a graph or a graph exists and Replace is off.
func PlanImport(graphs []*graph.Graph, opts ImportOptions) ([]Command, error) {
	if opts.ChunkBytes <= 0 {
		opts.ChunkBytes = DefaultChunkBytes
	}
	if opts.Exists == nil {
		opts.Exists = func(string) bool { return false }
	}
	if err := checkImport(graphs, opts); err != nil {
		return nil, err
	}
	order, early := importOrder(graphs)
	var plan []Command
	for _, g := range order {
		if early[g.ID] && !opts.Exists(g.ID) {
			plan = append(plan, CreateGraph{Graph: g.ID, Name: g.Name})
		}
	}
	for _, g := range order {
		replace := early[g.ID] || opts.Exists(g.ID)
		plan = append(plan, chunks(g, replace, opts.ChunkBytes)...)
	}
	return plan, nil
}

func checkImport(graphs []*graph.Graph, opts ImportOptions) error {
	seen := map[string]bool{}
	for _, g := range graphs {
		if err := ValidGraphID(g.ID); err != nil {
			return err
		}
		if seen[g.ID] {
			return fmt.Errorf("%w: graph %q twice in one import", ErrDuplicate, g.ID)
		}
		seen[g.ID] = true
		if opts.Exists(g.ID) && !opts.Replace {
			return fmt.Errorf("%w: graph %q exists (replace it, or import under another id)", ErrDuplicate, g.ID)
		}
	}
	return nil
}

// importOrder lists graphs so that referenced ones come first (depth-first
// post-order over refs within the set). early marks graphs referenced
// before they come (cycles): they are created empty at the start.
func importOrder(graphs []*graph.Graph) ([]*graph.Graph, map[string]bool) {
	byID := make(map[string]*graph.Graph, len(graphs))
	for _, g := range graphs {
		byID[g.ID] = g
	}
	state := map[string]int{} // 0 new, 1 open, 2 done
	early := map[string]bool{}
	var order []*graph.Graph
	var visit func(g *graph.Graph)
	visit = func(g *graph.Graph) {
		state[g.ID] = 1
		for _, n := range g.Nodes {
			ref, ok := byID[n.Ref]
			switch {
			case !ok || ref == g:
			case state[ref.ID] == 1:
				early[ref.ID] = true
			case state[ref.ID] == 0:
				visit(ref)
			}
		}
		state[g.ID] = 2
		order = append(order, g)
	}
	for _, g := range graphs {
		if state[g.ID] == 0 {
			visit(g)
		}
	}
	return order, early
}

// chunks cuts one graph into commands of at most budget bytes of
// elements: import (or replace) with the first chunk, then restores.
func chunks(g *graph.Graph, replace bool, budget int) []Command {
	var out []Command
	var cur RestoreElements
	size := 0
	flush := func() {
		out = append(out, cur)
		cur, size = RestoreElements{Graph: g.ID}, 0
	}
	cur.Graph = g.ID
	for i, n := range g.Nodes {
		if size += elementSize(n); size > budget && len(cur.Nodes) > 0 {
			flush()
			size = elementSize(n)
		}
		cur.Nodes = append(cur.Nodes, PlacedNode{Node: n, At: i})
	}
	for i, e := range g.Edges {
		if size += elementSize(e); size > budget && len(cur.Nodes)+len(cur.Edges) > 0 {
			flush()
			size = elementSize(e)
		}
		cur.Edges = append(cur.Edges, PlacedEdge{Edge: e, At: i})
	}
	flush()
	out[0] = first(g, out[0].(RestoreElements), replace)
	return out
}

// first turns the first chunk into the command that creates or replaces
// the graph.
func first(g *graph.Graph, c RestoreElements, replace bool) Command {
	nodes := make([]graph.Node, len(c.Nodes))
	for i, p := range c.Nodes {
		nodes[i] = p.Node
	}
	edges := make([]graph.Edge, len(c.Edges))
	for i, p := range c.Edges {
		edges[i] = p.Edge
	}
	if replace {
		return ReplaceGraph{Graph: g.ID, Name: g.Name, Nodes: nodes, Edges: edges, Attrs: g.Attrs}
	}
	return ImportGraph{Graph: g.ID, Name: g.Name, Nodes: nodes, Edges: edges, Attrs: g.Attrs}
}

// elementSize is the JSON size of an element plus its placement.
func elementSize(v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	return len(b) + len(`{"node":,"at":0000000}`)
}

// TokenID turns any name into a valid graph ID: characters a subject
// token cannot hold become '_', and an empty name becomes "graph".
func TokenID(name string) string {
	id := strings.Map(func(r rune) rune {
		if badIDRune(r) {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(name, "_"))
	id = strings.ToValidUTF8(id[:min(len(id), 200)], "")
	if id == "" {
		return "graph"
	}
	return id
}

// SanitizeIDs gives every graph a valid, unique graph ID (see [TokenID];
// a clash gets a numeric suffix) and rewrites the refs to match. It
// changes the graphs in place and returns the IDs it changed.
func SanitizeIDs(graphs []*graph.Graph) map[string]string {
	renamed := map[string]string{}
	taken := map[string]bool{}
	for _, g := range graphs {
		id := TokenID(g.ID)
		for i := 2; taken[id]; i++ {
			id = fmt.Sprintf("%s_%d", TokenID(g.ID), i)
		}
		taken[id] = true
		if id != g.ID {
			renamed[g.ID] = id
			g.ID = id
		}
	}
	rewriteRefs(graphs, renamed)
	return renamed
}

// RenameGraphID gives graph from the ID to and rewrites the refs to it, in
// place (to import a file's graph under another ID).
func RenameGraphID(graphs []*graph.Graph, from, to string) {
	for _, g := range graphs {
		if g.ID == from {
			g.ID = to
		}
	}
	rewriteRefs(graphs, map[string]string{from: to})
}

func rewriteRefs(graphs []*graph.Graph, renamed map[string]string) {
	for _, g := range graphs {
		for i, n := range g.Nodes {
			if to, ok := renamed[n.Ref]; ok {
				g.Nodes[i].Ref = to
			}
		}
	}
}
