package codec

import (
	"fmt"
	"io"

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
	text              []byte // reused from one <data> to the next
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
		d.data.text = append(d.data.text, t...)
	case d.data.open && d.data.label == "" && !d.data.hasLabel:
		d.data.text = append(d.data.text, t...)
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
	d.data = graphmlData{key: k, open: true, text: d.data.text[:0]}
	return nil
}
