package codec

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// graphmlKey is a <key> declaration.
type graphmlKey struct {
	domain, name, yfiles string
	def                  string
	hasDef               bool
}

// graphmlDecoder walks the token stream once, without building a tree, so
// large files cost little memory.
type graphmlDecoder struct {
	sc     *xmlScanner
	b      *builder
	keys   map[string]*graphmlKey
	graphs []string      // open <graph> elements, innermost last
	nodes  []string      // open <node> elements
	cur    []*graph.Node // the same, as the builder's nodes
	defs   []string      // keys with a <default>
	open   []byte        // open graph, node and edge elements: 'g', 'n', 'e'
	edge   *graph.Edge
	key    *graphmlKey // the <key> being declared
	keyID  string
	data   graphmlData
	seen   map[string]bool // keys given data in the current element
}

// graphmlData is the <data> element being read, with what yEd puts in it.
type graphmlData struct {
	key               string
	open              bool
	text              strings.Builder
	label, shape      string
	inLabel, hasLabel bool
	geometry          []float64
}

// DecodeGraphML reads a GraphML file, nested graphs included.
func DecodeGraphML(r io.Reader) (*Document, error) {
	d := &graphmlDecoder{sc: newXMLScanner(r), keys: map[string]*graphmlKey{}, seen: map[string]bool{}}
	for {
		err := d.sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := d.token(); err != nil {
			return nil, err
		}
	}
	if d.b == nil {
		return nil, fmt.Errorf("%w: graphml: no <graph> element", ErrSyntax)
	}
	return d.b.build()
}

// errorf names the element and where it is.
func (d *graphmlDecoder) errorf(elem, format string, args ...any) error {
	return fmt.Errorf("%w: graphml <%s> at line %d (offset %d): %s",
		ErrSyntax, elem, d.sc.line, d.sc.off, fmt.Sprintf(format, args...))
}

func (d *graphmlDecoder) token() error {
	switch d.sc.kind {
	case xmlStart:
		return d.start()
	case xmlEnd:
		return d.end(d.sc.name)
	case xmlText:
		d.text(d.sc.text)
	}
	return nil
}

func (d *graphmlDecoder) text(t []byte) {
	switch {
	case d.data.inLabel:
		d.data.text.Write(t)
	case d.data.open && d.data.label == "" && !d.data.hasLabel:
		d.data.text.Write(t)
	case d.key != nil:
		d.key.def += string(t)
	}
}

func (d *graphmlDecoder) start() error {
	if d.data.open {
		d.yedStart()
		return nil
	}
	switch d.sc.name {
	case "key":
		return d.startKey()
	case "default":
		if d.key != nil {
			d.key.hasDef, d.key.def = true, ""
		}
	case "graph":
		d.open = append(d.open, 'g')
		return d.startGraph()
	case "node":
		d.open = append(d.open, 'n')
		return d.startNode()
	case "edge":
		d.open = append(d.open, 'e')
		return d.startEdge()
	case "data":
		return d.startData()
	}
	return nil
}

func (d *graphmlDecoder) startKey() error {
	id, ok := d.sc.attr("id")
	if !ok {
		return d.errorf("key", "missing id")
	}
	k := &graphmlKey{}
	k.domain, _ = d.sc.attr("for")
	k.name, _ = d.sc.attr("attr.name")
	k.yfiles, _ = d.sc.attr("yfiles.type")
	if k.name == "" {
		k.name = id
	}
	d.keys[id], d.key, d.keyID = k, k, id
	return nil
}

func (d *graphmlDecoder) startGraph() error {
	id, _ := d.sc.attr("id")
	switch {
	case d.b == nil:
		d.b = newBuilder(id, "")
		d.graphs = append(d.graphs, d.b.root)
	case len(d.nodes) == 0:
		d.graphs = append(d.graphs, d.b.root) // a second top-level graph joins the first
	default:
		parent := d.nodes[len(d.nodes)-1]
		if id == "" {
			id = parent + ":"
		}
		d.graphs = append(d.graphs, d.b.group(parent, id, ""))
	}
	return nil
}

func (d *graphmlDecoder) startNode() error {
	id, ok := d.sc.attr("id")
	if !ok || id == "" {
		return d.errorf("node", "missing id")
	}
	if len(d.graphs) == 0 {
		return d.errorf("node", "node %q outside a <graph>", id)
	}
	n, fresh := d.b.add(id, d.graphs[len(d.graphs)-1])
	if !fresh {
		return d.errorf("node", "duplicate node id %q", id)
	}
	if f, _ := d.sc.attr("yfiles.foldertype"); f != "" {
		n.Kind = f
	}
	d.nodes, d.cur = append(d.nodes, id), append(d.cur, n)
	d.clearSeen()
	return nil
}

func (d *graphmlDecoder) startEdge() error {
	src, ok1 := d.sc.attr("source")
	dst, ok2 := d.sc.attr("target")
	if !ok1 || !ok2 {
		return d.errorf("edge", "missing source or target")
	}
	if len(d.graphs) == 0 {
		return d.errorf("edge", "edge outside a <graph>")
	}
	id, _ := d.sc.attr("id")
	d.edge = &graph.Edge{ID: id, From: src, To: dst}
	d.clearSeen()
	return nil
}

func (d *graphmlDecoder) startData() error {
	k, ok := d.sc.attr("key")
	if !ok {
		return d.errorf("data", "missing key")
	}
	d.data = graphmlData{key: k, open: true}
	return nil
}

func (d *graphmlDecoder) end(name string) error {
	if d.data.open && name != "data" {
		d.yedEnd(name)
		return nil
	}
	if name == "graph" || name == "node" || name == "edge" {
		d.open = d.open[:len(d.open)-1]
	}
	switch name {
	case "key":
		if d.key != nil && d.key.hasDef {
			d.defs = append(d.defs, d.keyID)
		}
		d.key = nil
	case "graph":
		d.graphs = d.graphs[:len(d.graphs)-1]
	case "node":
		d.endNode()
	case "edge":
		d.endEdge()
	case "data":
		return d.endData()
	}
	return nil
}

func (d *graphmlDecoder) endNode() {
	n := d.cur[len(d.cur)-1]
	for _, kid := range d.defs {
		if k := d.keys[kid]; (k.domain == "node" || k.domain == "all") && !d.seen[kid] {
			d.setNode(n, k, k.def)
		}
	}
	d.nodes, d.cur = d.nodes[:len(d.nodes)-1], d.cur[:len(d.cur)-1]
	d.clearSeen()
}

func (d *graphmlDecoder) endEdge() {
	for _, kid := range d.defs {
		if k := d.keys[kid]; (k.domain == "edge" || k.domain == "all") && !d.seen[kid] {
			setEdge(d.edge, k.name, k.def)
		}
	}
	d.b.edge(*d.edge)
	d.edge = nil
}

func (d *graphmlDecoder) endData() error {
	dt := &d.data
	dt.open = false
	k := d.keys[dt.key]
	if k == nil {
		return d.errorf("data", "undeclared key %q", dt.key)
	}
	if len(d.defs) > 0 {
		d.seen[dt.key] = true
	}
	value := dt.text.String()
	switch d.parent() {
	case 'e':
		setEdge(d.edge, k.name, value)
		if dt.hasLabel && d.edge.Label == "" {
			d.edge.Label = dt.label
		}
	case 'n':
		n := d.cur[len(d.cur)-1]
		d.setNode(n, k, value)
		d.applyYEd(n)
	case 'g':
		if k.name == "label" || k.name == "name" {
			d.b.byID[d.graphs[len(d.graphs)-1]].name = value
		}
	}
	return nil
}

// parent is the kind of element a <data> sits in, or 0 at the top.
func (d *graphmlDecoder) parent() byte {
	if len(d.open) == 0 {
		return 0
	}
	return d.open[len(d.open)-1]
}

// setNode stores a node's data value in the field its key names.
func (d *graphmlDecoder) setNode(n *graph.Node, k *graphmlKey, v string) {
	if k.yfiles != "" {
		return
	}
	switch k.name {
	case "label":
		n.Label = v
	case "kind":
		n.Kind = v
	case "x", "y":
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && finite(f) {
			setAxis(&n.Pos, k.name, f)
			return
		}
		fallthrough
	default:
		if n.Props == nil {
			n.Props = map[string]string{}
		}
		n.Props[k.name] = v
	}
}

func setAxis(p *graph.Point, axis string, f float64) {
	if axis == "x" {
		p.X = f
	} else {
		p.Y = f
	}
}

func setEdge(e *graph.Edge, name, v string) {
	switch name {
	case "label":
		e.Label = v
	case "kind":
		e.Kind = v
	}
}

// clearSeen forgets which keys had data; only defaults need to know.
func (d *graphmlDecoder) clearSeen() {
	if len(d.defs) > 0 {
		clear(d.seen)
	}
}
