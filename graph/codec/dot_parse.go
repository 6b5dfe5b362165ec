package codec

import (
	"io"
	"strings"
)

// dotScope is a graph or subgraph body: where its nodes go (gid, the
// innermost cluster) and the defaults it set.
type dotScope struct {
	gid        string
	node, edge map[string]string
	graph      map[string]string
	members    []string
}

type dotEdge struct {
	from, to string
	attrs    map[string]string
}

// dotParser is a recursive-descent parser of the DOT grammar
// (https://graphviz.org/doc/info/lang.html) feeding a builder.
type dotParser struct {
	lex      dotLexer
	tok      dotToken
	b        *builder
	clusters map[string]bool
	edges    []dotEdge
}

// DecodeDOT reads the first graph of a Graphviz DOT file.
func DecodeDOT(r io.Reader) (*Document, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	p := &dotParser{lex: dotLexer{src: string(src), line: 1}, clusters: map[string]bool{}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.parseGraph(); err != nil {
		return nil, err
	}
	return p.finish()
}

func (p *dotParser) advance() (err error) {
	p.tok, err = p.lex.next()
	return err
}

func (p *dotParser) errorf(format string, args ...any) error {
	p.lex.line = p.tok.line
	return p.lex.errorf(format, args...)
}

// keyword reports whether the current token is the (case-insensitive)
// keyword kw.
func (p *dotParser) keyword(kw string) bool {
	return p.tok.kind == dotID && !p.tok.quoted && strings.EqualFold(p.tok.text, kw)
}

func (p *dotParser) punct(s string) bool { return p.tok.kind == dotPunct && p.tok.text == s }

func (p *dotParser) expect(s string) error {
	if !p.punct(s) {
		return p.errorf("expected %q, found %q", s, p.tok.text)
	}
	return p.advance()
}

func (p *dotParser) parseGraph() error {
	if p.keyword("strict") {
		if err := p.advance(); err != nil {
			return err
		}
	}
	if !p.keyword("graph") && !p.keyword("digraph") {
		return p.errorf("expected graph or digraph, found %q", p.tok.text)
	}
	if err := p.advance(); err != nil {
		return err
	}
	name := ""
	if p.tok.kind == dotID || p.tok.kind == dotHTML {
		name = p.tok.text
		if err := p.advance(); err != nil {
			return err
		}
	}
	p.b = newBuilder(name, "")
	root := &dotScope{gid: p.b.root, node: map[string]string{}, edge: map[string]string{}, graph: map[string]string{}}
	if err := p.body(root); err != nil {
		return err
	}
	p.b.graphs[0].name = labelText(root.graph, name, "")
	return nil
}

// body parses '{' stmt_list '}'.
func (p *dotParser) body(sc *dotScope) error {
	if err := p.expect("{"); err != nil {
		return err
	}
	for !p.punct("}") {
		if p.tok.kind == dotEOF {
			return p.errorf("unexpected end of file, expected '}'")
		}
		if err := p.stmt(sc); err != nil {
			return err
		}
		if p.punct(";") {
			if err := p.advance(); err != nil {
				return err
			}
		}
	}
	return p.advance()
}

func (p *dotParser) stmt(sc *dotScope) error {
	switch {
	case p.keyword("graph"), p.keyword("node"), p.keyword("edge"):
		return p.attrStmt(sc)
	case p.keyword("subgraph"), p.punct("{"):
		members, err := p.subgraph(sc)
		if err != nil {
			return err
		}
		return p.edgeRest(sc, members)
	case p.tok.kind == dotID || p.tok.kind == dotHTML:
		return p.idStmt(sc)
	}
	return p.errorf("unexpected %q", p.tok.text)
}

func (p *dotParser) attrStmt(sc *dotScope) error {
	target := map[string]map[string]string{"graph": sc.graph, "node": sc.node, "edge": sc.edge}[strings.ToLower(p.tok.text)]
	if err := p.advance(); err != nil {
		return err
	}
	attrs, err := p.attrList()
	mergeAttrs(target, attrs)
	return err
}

// idStmt parses `a = b`, a node statement or an edge statement.
func (p *dotParser) idStmt(sc *dotScope) error {
	id := p.tok.text
	if err := p.advance(); err != nil {
		return err
	}
	if p.punct("=") {
		if err := p.advance(); err != nil {
			return err
		}
		if p.tok.kind == dotHTML && id == "label" {
			id = "label_html"
		}
		mergeAttrs(sc.graph, map[string]string{id: p.tok.text})
		return p.advance()
	}
	if err := p.port(); err != nil {
		return err
	}
	if p.tok.kind == dotEdgeOp {
		p.mention(sc, id)
		return p.edgeRest(sc, []string{id})
	}
	apply := p.mention(sc, id)
	attrs, err := p.attrList()
	if apply {
		mergeAttrs(p.b.node(id).Props, attrs)
	}
	return err
}

// port skips `:port[:compass]`; the model has no ports.
func (p *dotParser) port() error {
	for i := 0; i < 2 && p.punct(":"); i++ {
		if err := p.advance(); err != nil {
			return err
		}
		if err := p.advance(); err != nil {
			return err
		}
	}
	return nil
}

// edgeRest parses `-> endpoint ...  [attrs]` after the first endpoint.
func (p *dotParser) edgeRest(sc *dotScope, from []string) error {
	type hop struct{ from, to []string }
	var hops []hop
	for p.tok.kind == dotEdgeOp {
		if err := p.advance(); err != nil {
			return err
		}
		to, err := p.endpoint(sc)
		if err != nil {
			return err
		}
		hops = append(hops, hop{from, to})
		from = to
	}
	attrs, err := p.attrList()
	for _, h := range hops {
		p.addEdges(sc, h.from, h.to, attrs)
	}
	return err
}

func (p *dotParser) endpoint(sc *dotScope) ([]string, error) {
	if p.keyword("subgraph") || p.punct("{") {
		return p.subgraph(sc)
	}
	if p.tok.kind != dotID && p.tok.kind != dotHTML {
		return nil, p.errorf("expected a node or subgraph after the edge operator, found %q", p.tok.text)
	}
	id := p.tok.text
	if err := p.advance(); err != nil {
		return nil, err
	}
	p.mention(sc, id)
	return []string{id}, p.port()
}

func (p *dotParser) addEdges(sc *dotScope, from, to []string, attrs map[string]string) {
	for _, f := range from {
		for _, t := range to {
			all := cloneProps(sc.edge)
			mergeAttrs(all, attrs)
			p.edges = append(p.edges, dotEdge{f, t, all})
		}
	}
}

// attrList parses zero or more `[a=b, c=d; ...]` lists. An HTML label is
// kept as "label_html".
func (p *dotParser) attrList() (map[string]string, error) {
	attrs := map[string]string{}
	for p.punct("[") {
		if err := p.advance(); err != nil {
			return attrs, err
		}
		for !p.punct("]") {
			if err := p.attr(attrs); err != nil {
				return attrs, err
			}
		}
		if err := p.advance(); err != nil {
			return attrs, err
		}
	}
	return attrs, nil
}

func (p *dotParser) attr(attrs map[string]string) error {
	if p.tok.kind != dotID {
		return p.errorf("expected an attribute name, found %q", p.tok.text)
	}
	key := p.tok.text
	if err := p.advance(); err != nil {
		return err
	}
	val := "true"
	if p.punct("=") {
		if err := p.advance(); err != nil {
			return err
		}
		if p.tok.kind != dotID && p.tok.kind != dotHTML {
			return p.errorf("expected a value for %q, found %q", key, p.tok.text)
		}
		if p.tok.kind == dotHTML && key == "label" {
			key = "label_html"
		}
		val = p.tok.text
		if err := p.advance(); err != nil {
			return err
		}
	}
	mergeAttrs(attrs, map[string]string{key: val})
	if p.punct(",") || p.punct(";") {
		return p.advance()
	}
	return nil
}

// labelText returns the label in attrs (name standing for \N), or def.
func labelText(attrs map[string]string, name, def string) string {
	if v, ok := attrs["label"]; ok {
		return unescapeLabel(v, name)
	}
	if v, ok := attrs["label_html"]; ok {
		return htmlText(v)
	}
	return def
}

// mergeAttrs sets src's attributes in dst; a plain label and an HTML label
// replace each other.
func mergeAttrs(dst, src map[string]string) {
	for k, v := range src {
		switch k {
		case "label":
			delete(dst, "label_html")
		case "label_html":
			delete(dst, "label")
		}
		dst[k] = v
	}
}
