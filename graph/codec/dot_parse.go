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
	for k, v := range root.graph {
		if !dotOwnGraphAttr[k] && !isXDOT(k) {
			p.b.setAttr(k, v)
		}
	}
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
