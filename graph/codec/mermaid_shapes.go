package codec

import "strings"

// mermaidShapeNames maps the shape names of Mermaid's `id@{ shape: ... }`
// syntax (v11) to the kinds the bracket shapes give; other names are kept
// as the kind.
var mermaidShapeNames = map[string]string{
	"rect": "", "rounded": "round", "stadium": "stadium", "pill": "stadium", "subproc": "subroutine",
	"cyl": "cylinder", "database": "cylinder", "circle": "circle", "circ": "circle", "dbl-circ": "doublecircle",
	"double-circle": "doublecircle", "diam": "rhombus", "diamond": "rhombus", "decision": "rhombus",
	"hex": "hexagon", "hexagon": "hexagon", "lean-r": "lean-right", "lean-l": "lean-left",
	"trap-b": "trapezoid", "trap-t": "trapezoid-alt", "odd": "asymmetric",
}

// shapeProps reads `@{ shape: cyl, label: "text" }` after a node ID.
func (p *mermaidParser) shapeProps(c *mermaidCursor, id string) error {
	end := strings.IndexByte(c.rest(), '}')
	if end < 0 {
		return p.errorf("node %q: @{ is not closed with }", id)
	}
	body := c.rest()[2:end]
	c.i += end + 1
	n := p.b.node(id)
	for _, field := range splitFields(body) {
		key, value, _ := strings.Cut(field, ":")
		value = mermaidUnescape(strings.Trim(strings.TrimSpace(value), `"`))
		switch strings.TrimSpace(key) {
		case "shape":
			n.Kind = value
			if k, ok := mermaidShapeNames[value]; ok {
				n.Kind = k
			}
		case "label":
			n.Label = value
		}
	}
	return nil
}

// splitFields splits `a: 1, b: "x, y"` on commas outside quotes.
func splitFields(s string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			quoted = !quoted
		case s[i] == ',' && !quoted:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
