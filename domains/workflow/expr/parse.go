package expr

import "strings"

// MaxDepth bounds nesting (brackets and "not"), so that no input can
// exhaust the stack.
const MaxDepth = 64

// MaxLen bounds the source length in bytes.
const MaxLen = 4096

// Expr is a parsed expression, safe to evaluate from many goroutines.
type Expr struct {
	src  string
	root node
}

// Parse parses src. An empty (or blank) source is a syntax error.
func Parse(src string) (*Expr, error) {
	if len(src) > MaxLen {
		return nil, errorf(ErrSyntax, MaxLen+1, "expression longer than %d bytes", MaxLen)
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	root, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errorf(ErrSyntax, t.col, "unexpected %s", describe(t))
	}
	return &Expr{src: src, root: root}, nil
}

// Source is the text the expression was parsed from.
func (e *Expr) Source() string { return e.src }

// String is the canonical form: every binary operation bracketed, strings
// single-quoted. Parsing it gives an expression with the same String.
func (e *Expr) String() string {
	var b strings.Builder
	e.root.write(&b)
	return b.String()
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) take() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) or(depth int) (node, error) {
	return p.chain(depth, tOr, p.and)
}

func (p *parser) and(depth int) (node, error) {
	return p.chain(depth, tAnd, p.not)
}

// chain parses operands joined by one left-associative operator.
func (p *parser) chain(depth int, op kind, operand func(int) (node, error)) (node, error) {
	l, err := operand(depth)
	if err != nil {
		return nil, err
	}
	for p.peek().kind == op {
		t := p.take()
		r, err := operand(depth)
		if err != nil {
			return nil, err
		}
		l = binary{at: t.col, op: op, l: l, r: r}
	}
	return l, nil
}

func (p *parser) not(depth int) (node, error) {
	if p.peek().kind != tNot {
		return p.compare(depth)
	}
	t := p.take()
	if depth >= MaxDepth {
		return nil, errorf(ErrSyntax, t.col, "nested deeper than %d", MaxDepth)
	}
	x, err := p.not(depth + 1)
	if err != nil {
		return nil, err
	}
	return not{at: t.col, x: x}, nil
}

func (p *parser) compare(depth int) (node, error) {
	l, err := p.primary(depth)
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if _, ok := opText[t.kind]; !ok || t.kind == tAnd || t.kind == tOr {
		return l, nil
	}
	p.take()
	r, err := p.primary(depth)
	if err != nil {
		return nil, err
	}
	if next := p.peek(); isComparison(next.kind) {
		return nil, errorf(ErrSyntax, next.col, "comparisons do not chain; use and")
	}
	return binary{at: t.col, op: t.kind, l: l, r: r}, nil
}

func isComparison(k kind) bool { return k >= tEq && k <= tGe }

func (p *parser) primary(depth int) (node, error) {
	t := p.take()
	switch t.kind {
	case tNumber:
		return literal{at: t.col, value: t.num}, nil
	case tString:
		return literal{at: t.col, value: t.text}, nil
	case tTrue, tFalse:
		return literal{at: t.col, value: t.kind == tTrue}, nil
	case tIdent:
		return path{at: t.col, parts: strings.Split(t.text, ".")}, nil
	case tLParen:
		return p.group(t, depth)
	}
	return nil, errorf(ErrSyntax, t.col, "expected a value, found %s", describe(t))
}

func (p *parser) group(open token, depth int) (node, error) {
	if depth >= MaxDepth {
		return nil, errorf(ErrSyntax, open.col, "nested deeper than %d", MaxDepth)
	}
	x, err := p.or(depth + 1)
	if err != nil {
		return nil, err
	}
	if t := p.take(); t.kind != tRParen {
		return nil, errorf(ErrSyntax, t.col, "expected ')' to close '(' at column %d, found %s", open.col, describe(t))
	}
	return x, nil
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tString:
		return "string " + quote(t.text)
	}
	return "'" + t.text + "'"
}
