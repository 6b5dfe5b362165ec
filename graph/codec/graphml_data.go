package codec

import (
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// end handles a closing tag: it applies what the element gathered.
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
	value := string(dt.text)
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
		d.graphData(k.name, value)
	}
	return nil
}

// graphData keeps a graph's data: label or name as its name, any other
// key of the root graph as a graph attribute.
func (d *graphmlDecoder) graphData(name, value string) {
	gid := d.graphs[len(d.graphs)-1]
	switch {
	case name == "label" || name == "name":
		d.b.byID[gid].name = value
	case gid == d.b.root:
		d.b.setAttr(name, value)
	}
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
