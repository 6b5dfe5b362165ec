package codec

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cimviz/cimviz/graph"
)

// mermaidShapes maps node shape delimiters to kinds, longest opener first.
// The plain rectangle `[text]` is the default shape and has the empty kind.
var mermaidShapes = []struct{ open, close, kind string }{
	{"(((", ")))", "doublecircle"}, {"((", "))", "circle"}, {"([", "])", "stadium"},
	{"[[", "]]", "subroutine"}, {"[(", ")]", "cylinder"}, {"{{", "}}", "hexagon"},
	{"[/", "/]", "lean-right"}, {"[/", `\]`, "trapezoid"}, {`[\`, `\]`, "lean-left"},
	{`[\`, "/]", "trapezoid-alt"}, {"(", ")", "round"}, {"[", "]", ""},
	{"{", "}", "rhombus"}, {">", "]", "asymmetric"},
}

// mermaidCursor scans one statement.
type mermaidCursor struct {
	s string
	i int
}

func (c *mermaidCursor) atEnd() bool { return c.i >= len(c.s) }

func (c *mermaidCursor) peek() byte {
	if c.atEnd() {
		return 0
	}
	return c.s[c.i]
}

func (c *mermaidCursor) rest() string { return c.s[c.i:] }

func (c *mermaidCursor) space() {
	for !c.atEnd() && (c.s[c.i] == ' ' || c.s[c.i] == '\t') {
		c.i++
	}
}

func isMermaidIDRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// ident reads a node ID: letters, digits, '_', and '-' between them.
func (c *mermaidCursor) ident() string {
	start := c.i
	for !c.atEnd() {
		r, size := utf8.DecodeRuneInString(c.rest())
		if !isMermaidIDRune(r) && !(r == '-' && c.i > start && c.i+1 < len(c.s) && isMermaidIDRune(rune(c.s[c.i+1]))) {
			break
		}
		c.i += size
	}
	return c.s[start:c.i]
}

// textUntil reads label text up to the first of the closers, quoted or
// not, moves past the closer and says which one it was.
func (c *mermaidCursor) textUntil(closers ...string) (text, closer string, ok bool) {
	c.space()
	if c.peek() == '"' {
		return c.quotedUntil(closers)
	}
	best := -1
	for _, cl := range closers {
		if k := strings.Index(c.rest(), cl); k >= 0 && (best < 0 || k < best) {
			best, closer = k, cl
		}
	}
	if best < 0 {
		return "", "", false
	}
	text = strings.TrimSpace(c.s[c.i : c.i+best])
	c.i += best + len(closer)
	return mermaidUnescape(text), closer, true
}

// quotedUntil reads `"text"` and then one of the closers.
func (c *mermaidCursor) quotedUntil(closers []string) (string, string, bool) {
	end := strings.IndexByte(c.s[c.i+1:], '"')
	if end < 0 {
		return "", "", false
	}
	text := c.s[c.i+1 : c.i+1+end]
	c.i += end + 2
	c.space()
	for _, cl := range closers {
		if strings.HasPrefix(c.rest(), cl) {
			c.i += len(cl)
			return mermaidUnescape(text), cl, true
		}
	}
	return "", "", false
}

// closerKind is the shape kind for an opener and the closer that ended it.
func closerKind(open, close string) string {
	for _, sh := range mermaidShapes {
		if sh.open == open && sh.close == close {
			return sh.kind
		}
	}
	return ""
}

// nodeRef reads `id`, `id<shape>` and an optional `:::class`.
func (p *mermaidParser) nodeRef(c *mermaidCursor) (string, error) {
	c.space()
	id := c.ident()
	if id == "" {
		return "", p.errorf("expected a node id at %q", c.rest())
	}
	p.mention(id)
	shape := p.shape
	if strings.HasPrefix(c.rest(), "@{") {
		shape = p.shapeProps
	}
	if err := shape(c, id); err != nil {
		return "", err
	}
	if strings.HasPrefix(c.rest(), ":::") {
		c.i += 3
		c.ident()
	}
	return id, nil
}

// shape reads the delimited label after a node ID, if there is one.
func (p *mermaidParser) shape(c *mermaidCursor, id string) error {
	for _, sh := range mermaidShapes {
		if !strings.HasPrefix(c.rest(), sh.open) {
			continue
		}
		c.i += len(sh.open)
		text, closer, ok := c.textUntil(shapeClosers(sh.open)...)
		if !ok {
			return p.errorf("node %q: shape %s is not closed", id, sh.open)
		}
		n := p.b.node(id)
		n.Label, n.Kind = text, closerKind(sh.open, closer)
		return nil
	}
	return nil
}

func shapeClosers(open string) []string {
	var out []string
	for _, sh := range mermaidShapes {
		if sh.open == open {
			out = append(out, sh.close)
		}
	}
	return out
}

// group reads `a & b & c`.
func (p *mermaidParser) group(c *mermaidCursor) ([]string, error) {
	var ids []string
	for {
		id, err := p.nodeRef(c)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
		c.space()
		if c.peek() != '&' {
			return ids, nil
		}
		c.i++
	}
}

// chain reads `a --> b -- text --> c & d`.
func (p *mermaidParser) chain(st string) error {
	c := &mermaidCursor{s: st}
	from, err := p.group(c)
	if err != nil {
		return err
	}
	for c.space(); !c.atEnd(); c.space() {
		link, label, ok := readLink(c)
		if !ok {
			return p.errorf("expected an arrow at %q", c.rest())
		}
		to, err := p.group(c)
		if err != nil {
			return err
		}
		for _, f := range from {
			for _, t := range to {
				p.b.edge(graph.Edge{From: f, To: t, Label: label, Kind: link.kind()})
			}
		}
		from = to
	}
	return nil
}
