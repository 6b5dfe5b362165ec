package codec

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

// genDocument draws any valid document: arbitrary strings, several graphs,
// Refs to any graph (the node's own included).
func genDocument(t *rapid.T) *Document {
	ids := rapid.SliceOfNDistinct(rapid.StringN(1, 8, -1), 1, 4, func(s string) string { return s }).Draw(t, "graphs")
	d := &Document{Root: ids[0]}
	for _, id := range ids {
		d.Graphs = append(d.Graphs, genGraph(t, id, ids))
	}
	return d
}

func genGraph(t *rapid.T, id string, graphIDs []string) *graph.Graph {
	g := graph.New(id, rapid.String().Draw(t, "name"))
	nodeIDs := rapid.SliceOfNDistinct(rapid.StringN(1, 6, -1), 0, 6, func(s string) string { return s }).Draw(t, "nodes")
	for _, nid := range nodeIDs {
		n := graph.Node{ID: nid, Kind: rapid.String().Draw(t, "kind"), Label: rapid.String().Draw(t, "label"),
			Pos: graph.Point{X: genCoord(t), Y: genCoord(t)}}
		if rapid.Bool().Draw(t, "hasProps") {
			n.Props = rapid.MapOf(rapid.String(), rapid.String()).Draw(t, "props")
		}
		if rapid.Bool().Draw(t, "hasRef") {
			n.Ref = rapid.SampledFrom(graphIDs).Draw(t, "ref")
		}
		must(g.AddNode(n))
	}
	for i := range rapid.IntRange(0, 8).Draw(t, "edges") {
		if len(nodeIDs) == 0 {
			break
		}
		must(g.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", i), From: rapid.SampledFrom(nodeIDs).Draw(t, "from"),
			To: rapid.SampledFrom(nodeIDs).Draw(t, "to"), Label: rapid.String().Draw(t, "elabel"), Kind: rapid.String().Draw(t, "ekind")}))
	}
	return g
}

func genCoord(t *rapid.T) float64 {
	return rapid.Float64Range(-1e6, 1e6).Draw(t, "coord")
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// textAlphabet has the characters the interchange formats must escape.
var textAlphabet = rapid.SampledFrom([]rune(`abcXYZ019 _-&"#|;>[](){}é.:,'`))

func genText(t *rapid.T, label string) string {
	return strings.TrimSpace(rapid.StringOf(textAlphabet).Draw(t, label))
}

// treeGen draws documents every interchange format can hold: groups nest as
// a tree, labels are unique, kinds and edge kinds come from the shapes all
// formats name.
type treeGen struct {
	t     *rapid.T
	doc   *Document
	count int
}

func genTreeDocument(t *rapid.T) *Document {
	tg := &treeGen{t: t}
	root := graph.New("main", genText(t, "title"))
	tg.doc = NewDocument(root)
	tg.fill(root, 0)
	return tg.doc
}

func (tg *treeGen) fill(g *graph.Graph, depth int) {
	t := tg.t
	n := rapid.IntRange(0, 5).Draw(t, "n")
	for range n {
		tg.count++
		node := graph.Node{ID: fmt.Sprintf("n%d", tg.count), Label: fmt.Sprintf("L%d %s", tg.count, genText(t, "label")),
			Kind: rapid.SampledFrom([]string{"", "circle", "hexagon", "cylinder"}).Draw(t, "kind"),
			Pos:  graph.Point{X: float64(rapid.IntRange(-500, 500).Draw(t, "x")), Y: genCoord(t)}}
		if rapid.Bool().Draw(t, "props") {
			node.Props = map[string]string{"team": genText(t, "team"), "note": genText(t, "note")}
		}
		if depth < 2 && rapid.IntRange(0, 3).Draw(t, "group") == 0 {
			sub := graph.New(fmt.Sprintf("g%d", tg.count), node.Label)
			node.Ref, node.Kind = sub.ID, "group"
			tg.doc.Graphs = append(tg.doc.Graphs, sub)
			tg.fill(sub, depth+1)
		}
		must(g.AddNode(node))
	}
	for i := range rapid.IntRange(0, 2*n).Draw(t, "edges") {
		must(g.AddEdge(graph.Edge{ID: fmt.Sprintf("%s-e%d", g.ID, i),
			From:  g.Nodes[rapid.IntRange(0, n-1).Draw(t, "from")].ID,
			To:    g.Nodes[rapid.IntRange(0, n-1).Draw(t, "to")].ID,
			Label: genText(t, "elabel"), Kind: rapid.SampledFrom([]string{"", "dotted", "thick", "line"}).Draw(t, "ekind")}))
	}
}

// keep says what a format preserves beyond structure, labels and nesting.
type keep struct {
	kinds, props, pos, groupPos bool
}

// shape renders what a format must keep of a document as sorted lines, with
// labels standing for nodes (IDs may change across formats).
func shape(d *Document, k keep) []string {
	root := d.RootGraph()
	lines := []string{"name " + root.Name}
	return append(lines, graphShape(d, root, "/", k, map[string]bool{})...)
}

func graphShape(d *Document, g *graph.Graph, path string, k keep, seen map[string]bool) []string {
	seen[g.ID] = true
	var lines []string
	labels := map[string]string{}
	for _, n := range g.Nodes {
		labels[n.ID] = n.Label
		sub := d.Graph(n.Ref)
		line := path + " node " + n.Label + nodeExtras(n, k, sub != nil)
		lines = append(lines, line)
		if sub != nil && !seen[sub.ID] {
			lines = append(lines, graphShape(d, sub, path+n.Label+"/", k, seen)...)
		}
	}
	for _, e := range g.Edges {
		lines = append(lines, fmt.Sprintf("%s edge %s -> %s [%s] %s", path, labels[e.From], labels[e.To], e.Label, e.Kind))
	}
	sort.Strings(lines)
	return lines
}

func nodeExtras(n graph.Node, k keep, group bool) string {
	s := ""
	if k.kinds && !group {
		s += " kind=" + n.Kind
	}
	if k.props && len(n.Props) > 0 {
		s += fmt.Sprintf(" props=%v", n.Props)
	}
	if k.pos && (!group || k.groupPos) {
		s += fmt.Sprintf(" pos=%v,%v", n.Pos.X+0, n.Pos.Y+0) // -0 and 0 look the same
	}
	return s
}
