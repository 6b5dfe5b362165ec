package codec

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// graphvizShapes are the node shapes Graphviz draws; a Kind among them is
// written as shape=, any other Kind as kind=.
var graphvizShapes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`box polygon ellipse oval circle point egg triangle plaintext plain
		diamond trapezium parallelogram house pentagon hexagon septagon octagon doublecircle
		doubleoctagon tripleoctagon invtriangle invtrapezium invhouse Mdiamond Msquare Mcircle rect
		rectangle square star none underline cylinder note tab folder box3d component`) {
		graphvizShapes[s] = true
	}
}

// EncodeDOT writes the document as a Graphviz digraph; groups become
// clusters (see the package doc for the mapping).
func EncodeDOT(w io.Writer, d *Document) error {
	o, err := newOutline(d, nil)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph %s {\n\tcompound=true;\n", dotQuote(o.g.ID))
	if o.g.Name != "" {
		fmt.Fprintf(bw, "\tlabel=%s;\n", dotLabel(o.g.Name))
	}
	for _, k := range sortedKeys(d.Attrs) {
		if !dotOwnGraphAttr[k] {
			fmt.Fprintf(bw, "\t%s=%s;\n", dotKey(k), dotValue(k, d.Attrs[k]))
		}
	}
	dw := &dotWriter{w: bw, ends: map[string]bool{}, groups: map[string]string{}}
	dw.scan(o).body(o, "\t")
	bw.WriteString("}\n")
	return bw.Flush()
}

// dotOwnGraphAttr are root graph attributes EncodeDOT writes itself or
// that belong to one layout, so Document.Attrs does not hold them.
var dotOwnGraphAttr = map[string]bool{"label": true, "label_html": true, "compound": true,
	"bb": true, "lp": true, "lwidth": true, "lheight": true, "xdotversion": true}

// dotWriter writes an outline's bodies; ends are the written IDs of the
// nodes some edge ends at, groups the cluster name of each group node.
type dotWriter struct {
	w      *bufio.Writer
	ends   map[string]bool
	groups map[string]string
}

// scan collects the ends of every edge and the groups of the outline.
func (dw *dotWriter) scan(o *outline) *dotWriter {
	for _, e := range o.edges {
		dw.ends[e.from], dw.ends[e.to] = true, true
	}
	for _, n := range o.nodes {
		if n.sub != nil {
			dw.groups[n.id] = clusterName(n.id)
			dw.scan(n.sub)
		}
	}
	return dw
}

// body writes a graph's nodes, groups as clusters, then its edges; an
// end that is a group is written as its cluster's anchor, with ltail or
// lhead.
func (dw *dotWriter) body(o *outline, indent string) {
	w := dw.w
	for _, n := range o.nodes {
		if n.sub != nil {
			dw.cluster(n, indent)
			continue
		}
		fmt.Fprintf(w, "%s%s%s;\n", indent, dotQuote(n.id), dotAttrs(nodeAttrs(n)))
	}
	for _, e := range o.edges {
		a := [][2]string{{"id", e.id}, {"label", e.e.Label}, {"kind", e.e.Kind}}
		from, to := e.from, e.to
		if c, ok := dw.groups[from]; ok {
			from, a = c, append(a, [2]string{"ltail", c})
		}
		if c, ok := dw.groups[to]; ok {
			to, a = c, append(a, [2]string{"lhead", c})
		}
		fmt.Fprintf(w, "%s%s -> %s%s;\n", indent, dotQuote(from), dotQuote(to), dotAttrs(nonEmpty(a)))
	}
}

// cluster writes a group node as a cluster; when an edge ends at the
// group itself, with an invisible anchor node, named like the cluster, for
// it to end at (with lhead/ltail).
func (dw *dotWriter) cluster(n onode, indent string) {
	w := dw.w
	name := clusterName(n.id)
	fmt.Fprintf(w, "%ssubgraph %s {\n", indent, dotQuote(name))
	for _, a := range groupAttrs(n) {
		fmt.Fprintf(w, "%s\t%s=%s;\n", indent, dotKey(a[0]), dotValue(a[0], a[1]))
	}
	if dw.ends[n.id] {
		fmt.Fprintf(w, "%s\t%s [shape=point, style=invis, label=\"\"];\n", indent, dotQuote(name))
	}
	dw.body(n.sub, indent+"\t")
	fmt.Fprintf(w, "%s}\n", indent)
}

func clusterName(id string) string {
	if strings.HasPrefix(strings.ToLower(id), "cluster") {
		return id
	}
	return "cluster_" + id
}

func nodeAttrs(n onode) [][2]string {
	a := [][2]string{{"label", labelOrHTML(n)}, {"ref", n.ref}}
	if graphvizShapes[n.n.Kind] {
		a = append(a, [2]string{"shape", n.n.Kind})
	} else {
		a = append(a, [2]string{"kind", n.n.Kind})
	}
	if n.n.Pos.X != 0 || n.n.Pos.Y != 0 {
		a = append(a, [2]string{"pos", formatFloat(n.n.Pos.X) + "," + formatFloat(0-n.n.Pos.Y)})
	}
	a = nonEmpty(a)
	return append(a, propAttrs(n.n.Props, a)...)
}

func groupAttrs(n onode) [][2]string {
	a := [][2]string{{"label", labelOrHTML(n)}}
	if n.n.Kind != "cluster" {
		a = append(a, [2]string{"kind", n.n.Kind})
	}
	a = nonEmpty(a)
	return append(a, propAttrs(n.n.Props, a)...)
}

// labelOrHTML keeps an imported HTML label while it still says the same.
func labelOrHTML(n onode) string {
	if h, ok := n.n.Props["label_html"]; ok && htmlText(h) == n.label() {
		return ""
	}
	return n.label()
}

// propAttrs lists the properties not already written, in key order.
func propAttrs(props map[string]string, written [][2]string) [][2]string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var a [][2]string
	for _, k := range keys {
		if !hasKey(written, k) && (k != "label_html" || !hasKey(written, "label")) && !(k == "label" || k == "kind" || k == "pos" || k == "ref") {
			a = append(a, [2]string{k, props[k]})
		}
	}
	return a
}

func hasKey(a [][2]string, k string) bool {
	for _, kv := range a {
		if kv[0] == k && kv[1] != "" {
			return true
		}
	}
	return false
}

func nonEmpty(a [][2]string) [][2]string {
	out := a[:0]
	for _, kv := range a {
		if kv[1] != "" {
			out = append(out, kv)
		}
	}
	return out
}

func dotAttrs(a [][2]string) string {
	if len(a) == 0 {
		return ""
	}
	parts := make([]string, len(a))
	for i, kv := range a {
		parts[i] = dotKey(kv[0]) + "=" + dotValue(kv[0], kv[1])
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

// dotKey writes an attribute name; an HTML label is written as label.
func dotKey(k string) string {
	if k == "label_html" {
		return "label"
	}
	return dotQuote(k)
}

func dotValue(key, v string) string {
	switch key {
	case "label":
		return dotLabel(v)
	case "label_html":
		return "<" + v + ">"
	}
	return dotQuote(v)
}

// isBareID reports whether DOT reads s unquoted as the same ID: a name
// ([A-Za-z_\x80-\xff][A-Za-z_0-9\x80-\xff]*) or a numeral (-?(.d+|d+(.d*)?)).
func isBareID(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c == '_' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
		return strings.IndexFunc(s, func(r rune) bool {
			return !(r == '_' || r >= 0x80 || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
		}) < 0
	}
	return isNumeral(strings.TrimPrefix(s, "-"))
}

func isNumeral(s string) bool {
	intPart, frac, dot := strings.Cut(s, ".")
	digits := func(t string) bool { return strings.Trim(t, "0123456789") == "" }
	if !digits(intPart) || !digits(frac) {
		return false
	}
	return intPart != "" || dot && frac != ""
}

// dotQuote writes an ID bare when DOT allows it, else quoted. Backslashes
// stay as they are (DOT IDs have no escapes but \"), so an ID that ends in
// a backslash or holds \" is written as an <HTML> string instead (or, when
// it also holds < or >, with its backslashes doubled: readable, not exact).
func dotQuote(s string) string {
	switch strings.ToLower(s) {
	case "node", "edge", "graph", "digraph", "subgraph", "strict":
	default:
		if isBareID(s) {
			return s
		}
	}
	if strings.HasSuffix(s, `\`) || strings.Contains(s, `\"`) {
		if !strings.ContainsAny(s, "<>") {
			return "<" + s + ">"
		}
		s = strings.ReplaceAll(s, `\`, `\\`) // no exact form left; this one still parses
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// dotLabel quotes a label so that unescapeLabel gives it back.
func dotLabel(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	return `"` + strings.ReplaceAll(s, "\n", `\n`) + `"`
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
