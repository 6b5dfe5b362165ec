package expr

import (
	"strconv"
	"strings"
)

// kind is a token kind.
type kind int

const (
	tEOF kind = iota
	tNumber
	tString
	tIdent
	tTrue
	tFalse
	tAnd
	tOr
	tNot
	tEq
	tNe
	tLt
	tLe
	tGt
	tGe
	tLParen
	tRParen
	tDot
)

// token is one lexeme; col is its 1-based column (in runes).
type token struct {
	kind kind
	text string
	num  float64
	col  int
}

var keywords = map[string]kind{"and": tAnd, "or": tOr, "not": tNot, "true": tTrue, "false": tFalse}

var operators = []struct {
	text string
	kind kind
}{
	{"==", tEq}, {"!=", tNe}, {"<=", tLe}, {">=", tGe}, {"&&", tAnd}, {"||", tOr},
	{"<", tLt}, {">", tGt}, {"!", tNot}, {"(", tLParen}, {")", tRParen}, {".", tDot},
}

// lexer turns source into tokens; it works on runes so columns match what
// a user sees.
type lexer struct {
	src []rune
	pos int
}

func lex(src string) ([]token, error) {
	l := &lexer{src: []rune(src)}
	var toks []token
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		if t.kind == tEOF {
			return toks, nil
		}
	}
}

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
		l.pos++
	}
	col := l.pos + 1
	if l.pos >= len(l.src) {
		return token{kind: tEOF, col: col}, nil
	}
	r := l.src[l.pos]
	switch {
	case isDigit(r):
		return l.number(col)
	case r == '"' || r == '\'':
		return l.str(col, r)
	case isIdentStart(r):
		return l.ident(col), nil
	}
	return l.operator(col)
}

func (l *lexer) operator(col int) (token, error) {
	rest := string(l.src[l.pos:min(l.pos+2, len(l.src))])
	for _, op := range operators {
		if strings.HasPrefix(rest, op.text) {
			l.pos += len(op.text)
			return token{kind: op.kind, text: op.text, col: col}, nil
		}
	}
	return token{}, errorf(ErrSyntax, col, "unexpected character %q", l.src[l.pos])
}

func (l *lexer) number(col int) (token, error) {
	start := l.pos
	for l.pos < len(l.src) && (isDigit(l.src[l.pos]) || l.src[l.pos] == '.') {
		l.pos++
	}
	text := string(l.src[start:l.pos])
	n, err := strconv.ParseFloat(text, 64)
	if err != nil || strings.HasSuffix(text, ".") {
		return token{}, errorf(ErrSyntax, col, "bad number %q", text)
	}
	if l.pos < len(l.src) && isIdentStart(l.src[l.pos]) {
		return token{}, errorf(ErrSyntax, l.pos+1, "letter %q right after number %q", l.src[l.pos], text)
	}
	return token{kind: tNumber, text: text, num: n, col: col}, nil
}

func (l *lexer) ident(col int) token {
	start := l.pos
	for l.pos < len(l.src) && l.identRune() {
		l.pos++
	}
	text := string(l.src[start:l.pos])
	if k, ok := keywords[text]; ok {
		return token{kind: k, text: text, col: col}
	}
	return token{kind: tIdent, text: text, col: col}
}

// identRune reports whether the rune at pos continues a name or dotted
// path: a dot belongs to the path only between two names ("a.b").
func (l *lexer) identRune() bool {
	r := l.src[l.pos]
	if r == '.' {
		return l.pos+1 < len(l.src) && isIdentStart(l.src[l.pos+1]) && l.pos > 0 && l.src[l.pos-1] != '.'
	}
	return isIdentStart(r) || isDigit(r)
}

func (l *lexer) str(col int, quote rune) (token, error) {
	var b strings.Builder
	for l.pos++; l.pos < len(l.src); l.pos++ {
		r := l.src[l.pos]
		if r == quote {
			l.pos++
			return token{kind: tString, text: b.String(), col: col}, nil
		}
		if r == '\\' {
			e, err := l.escape()
			if err != nil {
				return token{}, err
			}
			r = e
		}
		b.WriteRune(r)
	}
	return token{}, errorf(ErrSyntax, col, "string is not closed")
}

func (l *lexer) escape() (rune, error) {
	l.pos++
	if l.pos >= len(l.src) {
		return 0, errorf(ErrSyntax, l.pos, "escape at end of input")
	}
	switch r := l.src[l.pos]; r {
	case '\\', '\'', '"':
		return r, nil
	case 'n':
		return '\n', nil
	case 't':
		return '\t', nil
	default:
		return 0, errorf(ErrSyntax, l.pos, "unknown escape \\%c", r)
	}
}

func isSpace(r rune) bool      { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
func isDigit(r rune) bool      { return r >= '0' && r <= '9' }
func isIdentStart(r rune) bool { return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
