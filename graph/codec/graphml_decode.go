package codec

import (
	"encoding/xml"
	"errors"
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
	dec    *xml.Decoder
	b      *builder
	keys   map[string]*graphmlKey
	graphs []string // open <graph> elements, innermost last
	nodes  []string // open <node> elements
	open   []byte   // open graph, node and edge elements: 'g', 'n', 'e'
	edge   *graph.Edge
	key    *graphmlKey // the <key> being declared
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
	d := &graphmlDecoder{dec: xml.NewDecoder(r), keys: map[string]*graphmlKey{}, seen: map[string]bool{}}
	d.dec.Strict = true
	for {
		tok, err := d.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, d.xmlError(err)
		}
		if err := d.token(tok); err != nil {
			return nil, err
		}
	}
	if d.b == nil {
		return nil, fmt.Errorf("%w: graphml: no <graph> element", ErrSyntax)
	}
	return d.b.build()
}

func (d *graphmlDecoder) xmlError(err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("%w: graphml line %d: %s", ErrSyntax, syn.Line, syn.Msg)
	}
	line, _ := d.dec.InputPos()
	return fmt.Errorf("%w: graphml line %d (offset %d): %v", ErrSyntax, line, d.dec.InputOffset(), err)
}

// errorf names the element and where it is.
func (d *graphmlDecoder) errorf(elem, format string, args ...any) error {
	line, col := d.dec.InputPos()
	return fmt.Errorf("%w: graphml <%s> at line %d col %d (offset %d): %s",
		ErrSyntax, elem, line, col, d.dec.InputOffset(), fmt.Sprintf(format, args...))
}

func (d *graphmlDecoder) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return d.start(t)
	case xml.EndElement:
		return d.end(t.Name.Local)
	case xml.CharData:
		d.text(t)
	}
	return nil
}

func (d *graphmlDecoder) text(t xml.CharData) {
	switch {
	case d.data.inLabel:
		d.data.text.Write(t)
	case d.data.open && d.data.label == "" && !d.data.hasLabel:
		d.data.text.Write(t)
	case d.key != nil:
		d.key.def += string(t)
	}
}

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (d *graphmlDecoder) start(t xml.StartElement) error {
	if d.data.open {
		d.yedStart(t)
		return nil
	}
	switch t.Name.Local {
	case "key":
		return d.startKey(t)
	case "default":
		if d.key != nil {
			d.key.hasDef, d.key.def = true, ""
		}
	case "graph":
		d.open = append(d.open, 'g')
		return d.startGraph(t)
	case "node":
		d.open = append(d.open, 'n')
		return d.startNode(t)
	case "edge":
		d.open = append(d.open, 'e')
		return d.startEdge(t)
	case "data":
		return d.startData(t)
	}
	return nil
}

func (d *graphmlDecoder) startKey(t xml.StartElement) error {
	id, ok := attr(t, "id")
	if !ok {
		return d.errorf("key", "missing id")
	}
	k := &graphmlKey{}
	k.domain, _ = attr(t, "for")
	k.name, _ = attr(t, "attr.name")
	k.yfiles, _ = attr(t, "yfiles.type")
	if k.name == "" {
		k.name = id
	}
	d.keys[id], d.key = k, k
	return nil
}

func (d *graphmlDecoder) startGraph(t xml.StartElement) error {
	id, _ := attr(t, "id")
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

func (d *graphmlDecoder) startNode(t xml.StartElement) error {
	id, ok := attr(t, "id")
	if !ok || id == "" {
		return d.errorf("node", "missing id")
	}
	if len(d.graphs) == 0 {
		return d.errorf("node", "node %q outside a <graph>", id)
	}
	if d.b.has(id) {
		return d.errorf("node", "duplicate node id %q", id)
	}
	d.b.place(id, d.graphs[len(d.graphs)-1])
	if f, _ := attr(t, "yfiles.foldertype"); f != "" {
		d.b.node(id).Kind = f
	}
	d.nodes = append(d.nodes, id)
	clear(d.seen)
	return nil
}

func (d *graphmlDecoder) startEdge(t xml.StartElement) error {
	src, ok1 := attr(t, "source")
	dst, ok2 := attr(t, "target")
	if !ok1 || !ok2 {
		return d.errorf("edge", "missing source or target")
	}
	if len(d.graphs) == 0 {
		return d.errorf("edge", "edge outside a <graph>")
	}
	id, _ := attr(t, "id")
	d.edge = &graph.Edge{ID: id, From: src, To: dst}
	clear(d.seen)
	return nil
}

func (d *graphmlDecoder) startData(t xml.StartElement) error {
	k, ok := attr(t, "key")
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
	id := d.nodes[len(d.nodes)-1]
	for kid, k := range d.keys {
		if k.hasDef && (k.domain == "node" || k.domain == "all") && !d.seen[kid] {
			d.setNode(d.b.node(id), k, k.def)
		}
	}
	d.nodes = d.nodes[:len(d.nodes)-1]
	clear(d.seen)
}

func (d *graphmlDecoder) endEdge() {
	for kid, k := range d.keys {
		if k.hasDef && (k.domain == "edge" || k.domain == "all") && !d.seen[kid] {
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
	d.seen[dt.key] = true
	value := dt.text.String()
	switch d.parent() {
	case 'e':
		setEdge(d.edge, k.name, value)
		if dt.hasLabel && d.edge.Label == "" {
			d.edge.Label = dt.label
		}
	case 'n':
		n := d.b.node(d.nodes[len(d.nodes)-1])
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
