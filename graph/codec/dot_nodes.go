package codec

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// subgraph parses `[subgraph [name]] { ... }` and returns the nodes it
// mentions. A name starting with "cluster" makes a group.
func (p *dotParser) subgraph(sc *dotScope) ([]string, error) {
	name := ""
	if p.keyword("subgraph") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind == dotID || p.tok.kind == dotHTML {
			name = p.tok.text
			if err := p.advance(); err != nil {
				return nil, err
			}
		}
	}
	child := &dotScope{gid: sc.gid, node: cloneProps(sc.node), edge: cloneProps(sc.edge), graph: map[string]string{}}
	cluster := strings.HasPrefix(strings.ToLower(name), "cluster")
	if cluster {
		child.gid = p.openCluster(sc, name)
	}
	if err := p.body(child); err != nil {
		return nil, err
	}
	if cluster {
		p.closeCluster(name, child)
	}
	sc.members = append(sc.members, child.members...)
	return child.members, nil
}

func (p *dotParser) openCluster(sc *dotScope, name string) string {
	if !p.b.has(name) {
		p.b.node(name).Props = map[string]string{}
		p.b.place(name, sc.gid)
	}
	p.clusters[name] = true
	return p.b.group(name, name, "")
}

// closeCluster gives the group node the cluster's attributes.
func (p *dotParser) closeCluster(name string, child *dotScope) {
	mergeAttrs(p.b.node(name).Props, child.graph)
	p.b.byID[child.gid].name = labelText(child.graph, name, "")
}

// mention puts a node into the scope: new nodes take the scope's defaults,
// known ones move into a deeper cluster. It reports whether the statement's
// attributes apply (not for a group's own anchor node inside the group).
func (p *dotParser) mention(sc *dotScope, id string) bool {
	sc.members = append(sc.members, id)
	if !p.b.has(id) {
		p.b.node(id).Props = cloneProps(sc.node)
		p.b.place(id, sc.gid)
		return true
	}
	if p.b.node(id).Ref != "" {
		return !p.b.isWithin(sc.gid, p.b.node(id).Ref)
	}
	if home := p.b.home(id); sc.gid != home && p.b.isWithin(sc.gid, home) {
		p.b.place(id, sc.gid)
	}
	return true
}

func (p *dotParser) finish() (*Document, error) {
	for _, id := range p.b.order {
		finalizeDOTNode(p.b.node(id))
	}
	for _, e := range p.edges {
		p.b.edge(p.dotEdge(e))
	}
	return p.b.build()
}

// xdotAttrs are drawing operations `dot -Txdot` adds; they describe one
// layout and go stale on the first edit, so they are dropped.
var xdotAttrs = []string{"_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "_background"}

// isXDOT reports whether k is one of xdotAttrs.
func isXDOT(k string) bool { return slices.Contains(xdotAttrs, k) }

// finalizeDOTNode moves the attributes the model has fields for out of Props.
func finalizeDOTNode(n *graph.Node) {
	p := n.Props
	def := n.ID // Graphviz shows a node's name when it has no label
	if n.Ref != "" {
		def = ""
	}
	n.Label = labelText(p, n.ID, def)
	delete(p, "label")
	for _, k := range xdotAttrs {
		delete(p, k)
	}
	if v, ok := p["kind"]; ok {
		n.Kind = v
		delete(p, "kind")
	} else if v, ok := p["shape"]; ok && n.Ref == "" {
		n.Kind = v
		delete(p, "shape")
	} else if n.Ref != "" {
		n.Kind = "cluster"
	}
	n.Pos = nodePos(n, p)
	if len(p) == 0 {
		n.Props = nil
	}
}

func nodePos(n *graph.Node, p map[string]string) graph.Point {
	if pt, ok := parsePos(p["pos"]); ok {
		delete(p, "pos")
		return pt
	}
	if f := parseFloats(p["bb"]); n.Ref != "" && len(f) == 4 {
		return graph.Point{X: (f[0] + f[2]) / 2, Y: -(f[1] + f[3]) / 2}
	}
	return n.Pos
}

func (p *dotParser) dotEdge(d dotEdge) graph.Edge {
	e := graph.Edge{ID: d.attrs["id"], From: d.from, To: d.to, Kind: d.attrs["kind"], Label: labelText(d.attrs, "", "")}
	if c := d.attrs["ltail"]; p.inCluster(e.From, c) {
		e.From = c
	}
	if c := d.attrs["lhead"]; p.inCluster(e.To, c) {
		e.To = c
	}
	return e
}

// inCluster reports whether node id lies inside the named cluster, the one
// case where Graphviz honours lhead and ltail.
func (p *dotParser) inCluster(id, cluster string) bool {
	return p.clusters[cluster] && id != cluster && p.b.isWithin(p.b.home(id), p.b.node(cluster).Ref)
}

// parsePos reads Graphviz "x,y" or "x,y!" (points, y up) as a y-down point.
func parsePos(s string) (graph.Point, bool) {
	f := parseFloats(strings.TrimSuffix(s, "!"))
	if len(f) < 2 {
		return graph.Point{}, false
	}
	return graph.Point{X: f[0], Y: -f[1]}, true
}

func parseFloats(s string) []float64 {
	var out []float64
	for _, part := range strings.Split(s, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil || !finite(f) {
			return nil
		}
		out = append(out, f)
	}
	return out
}

// unescapeLabel applies Graphviz label escapes: \n \l \r break lines, \N is
// the node's name, \\ a backslash; others stay as written.
func unescapeLabel(s, name string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'l', 'r':
			b.WriteByte('\n')
		case 'N':
			b.WriteString(name)
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// htmlText is the visible text of an HTML-like label: tags dropped, <br/>
// as a line break, entities decoded.
func htmlText(s string) string {
	var b strings.Builder
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:lt])
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			break
		}
		if tag := strings.ToLower(s[lt+1 : lt+gt]); strings.HasPrefix(tag, "br") {
			b.WriteByte('\n')
		}
		s = s[lt+gt+1:]
	}
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

func cloneProps(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
