package codec

import (
	"strings"
)

// attrStmt parses `graph|node|edge [attrs]`, which set the scope's
// defaults.
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
		setAttr(sc.graph, id, p.tok.text)
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
	if p.tok.kind != dotID && p.tok.kind != dotHTML {
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
	setAttr(attrs, key, val)
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
		setAttr(dst, k, v)
	}
}

func setAttr(dst map[string]string, k, v string) {
	switch k {
	case "label":
		delete(dst, "label_html")
	case "label_html":
		delete(dst, "label")
	}
	dst[k] = v
}
