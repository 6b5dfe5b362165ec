package codec

import (
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// yEd keeps a node's look inside <data> as y:ShapeNode or y:GroupNode
// (wrapped in y:ProxyAutoBoundsNode/y:Realizers for group nodes) with
// y:Geometry, y:NodeLabel and y:Shape, or y:GenericNode whose configuration
// names the shape; edges carry y:EdgeLabel. The first of
// each wins, which for a group node is its open state.

func (d *graphmlDecoder) yedStart() {
	dt := &d.data
	switch d.sc.name {
	case "NodeLabel", "EdgeLabel":
		if !dt.hasLabel {
			dt.inLabel = true
			dt.text = dt.text[:0]
		}
	case "Geometry":
		if dt.geometry == nil {
			dt.geometry = yedGeometry(d.sc)
		}
	case "Shape":
		if dt.shape == "" {
			dt.shape, _ = d.sc.attr("type")
		}
	case "GenericNode", "GenericGroupNode":
		if c, ok := d.sc.attr("configuration"); ok && dt.shape == "" {
			dt.shape = c[strings.LastIndexByte(c, '.')+1:] // com.yworks.flowchart.terminator
		}
	}
}

func (d *graphmlDecoder) yedEnd(name string) {
	dt := &d.data
	if (name == "NodeLabel" || name == "EdgeLabel") && dt.inLabel {
		dt.label, dt.hasLabel, dt.inLabel = string(dt.text), true, false
		dt.text = dt.text[:0]
	}
}

func yedGeometry(sc *xmlScanner) []float64 {
	g := make([]float64, 4)
	for i, name := range []string{"x", "y", "width", "height"} {
		v, _ := sc.attr(name)
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !finite(f) {
			return nil
		}
		g[i] = f
	}
	return g
}

// applyYEd fills the node's label, kind and position (the centre of its
// geometry) from the yEd graphics just read, where data did not set them.
func (d *graphmlDecoder) applyYEd(n *graph.Node) {
	dt := &d.data
	if dt.hasLabel && n.Label == "" {
		n.Label = dt.label
	}
	if dt.shape != "" && n.Kind == "" {
		n.Kind = dt.shape
	}
	if g := dt.geometry; g != nil {
		n.Pos = graph.Point{X: g[0] + g[2]/2, Y: g[1] + g[3]/2}
	}
}
