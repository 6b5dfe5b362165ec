package codec

import (
	"fmt"
	"strings"
)

// dotKind is the kind of a DOT token.
type dotKind int

const (
	dotEOF    dotKind = iota
	dotID             // identifier, numeral or quoted string
	dotHTML           // <...> string
	dotPunct          // { } [ ] ; , = :
	dotEdgeOp         // -> or --
)

type dotToken struct {
	kind   dotKind
	text   string
	line   int
	quoted bool // a quoted "node" is an ID, not the keyword
}

// dotLexer splits DOT source into tokens, dropping comments and
// preprocessor lines as Graphviz does.
type dotLexer struct {
	src  string
	pos  int
	line int
}

func (l *dotLexer) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: dot line %d: %s", ErrSyntax, l.line, fmt.Sprintf(format, args...))
}

// next returns the next token.
func (l *dotLexer) next() (dotToken, error) {
	if err := l.skipSpace(); err != nil {
		return dotToken{}, err
	}
	if l.pos >= len(l.src) {
		return dotToken{kind: dotEOF, line: l.line}, nil
	}
	line, c := l.line, l.src[l.pos]
	switch {
	case strings.IndexByte("{}[];,=:", c) >= 0:
		l.pos++
		return dotToken{kind: dotPunct, text: string(c), line: line}, nil
	case strings.HasPrefix(l.src[l.pos:], "->"), strings.HasPrefix(l.src[l.pos:], "--"):
		l.pos += 2
		return dotToken{kind: dotEdgeOp, text: l.src[l.pos-2 : l.pos], line: line}, nil
	case c == '"':
		s, err := l.quoted()
		return dotToken{kind: dotID, text: s, line: line, quoted: true}, err
	case c == '<':
		s, err := l.html()
		return dotToken{kind: dotHTML, text: s, line: line}, err
	case isDOTIDByte(c), c == '-', c == '.':
		return dotToken{kind: dotID, text: l.bare(), line: line}, nil
	}
	return dotToken{}, l.errorf("unexpected character %q", c)
}

func isDOTIDByte(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// bare reads an identifier or numeral (Graphviz is lenient about mixing).
func (l *dotLexer) bare() string {
	start := l.pos
	l.pos++
	for l.pos < len(l.src) && (isDOTIDByte(l.src[l.pos]) || l.src[l.pos] == '.') {
		l.pos++
	}
	return l.src[start:l.pos]
}

// skipSpace drops whitespace, comments and '#' lines.
func (l *dotLexer) skipSpace() error {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case c == '#' && l.atLineStart():
			l.skipTo("\n", false)
		case strings.HasPrefix(l.src[l.pos:], "//"):
			l.skipTo("\n", false)
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			if !l.skipTo("*/", true) {
				return l.errorf("unterminated comment")
			}
		default:
			return nil
		}
	}
	return nil
}

func (l *dotLexer) atLineStart() bool {
	i := l.pos - 1
	for i >= 0 && (l.src[i] == ' ' || l.src[i] == '\t') {
		i--
	}
	return i < 0 || l.src[i] == '\n'
}

// skipTo moves past end (or to it, when consume is false), counting lines.
func (l *dotLexer) skipTo(end string, consume bool) bool {
	i := strings.Index(l.src[l.pos:], end)
	if i < 0 {
		l.line += strings.Count(l.src[l.pos:], "\n")
		l.pos = len(l.src)
		return false
	}
	if consume {
		i += len(end)
	}
	l.line += strings.Count(l.src[l.pos:l.pos+i], "\n")
	l.pos += i
	return true
}

// quoted reads one or more "..." strings joined by '+'. Like Graphviz, only
// \" and backslash-newline are escapes here; label escapes come later. Unlike
// Graphviz, `\\"` ends the string, so any label survives a round trip.
func (l *dotLexer) quoted() (string, error) {
	var b strings.Builder
	for {
		if err := l.quotedPart(&b); err != nil {
			return "", err
		}
		save, saveLine := l.pos, l.line
		if err := l.skipSpace(); err != nil || l.pos >= len(l.src) || l.src[l.pos] != '+' {
			l.pos, l.line = save, saveLine
			return b.String(), nil
		}
		l.pos++
		if err := l.skipSpace(); err != nil || l.pos >= len(l.src) || l.src[l.pos] != '"' {
			return "", l.errorf("expected a quoted string after '+'")
		}
	}
}

func (l *dotLexer) quotedPart(b *strings.Builder) error {
	start := l.line
	for l.pos++; l.pos < len(l.src); l.pos++ {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return nil
		case c == '\\' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '"':
			b.WriteByte('"')
			l.pos++
		case c == '\\' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '\n':
			l.pos++
			l.line++
		case c == '\\' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '\\':
			b.WriteString(`\\`) // a pair stays for label escapes, and cannot end the string
			l.pos++
		default:
			if c == '\n' {
				l.line++
			}
			b.WriteByte(c)
		}
	}
	return fmt.Errorf("%w: dot line %d: unterminated string", ErrSyntax, start)
}

// html reads a <...> string with nested angle brackets.
func (l *dotLexer) html() (string, error) {
	start, depth := l.pos, 0
	for ; l.pos < len(l.src); l.pos++ {
		switch l.src[l.pos] {
		case '<':
			depth++
		case '>':
			if depth--; depth == 0 {
				l.pos++
				return l.src[start+1 : l.pos-1], nil
			}
		case '\n':
			l.line++
		}
	}
	return "", l.errorf("unterminated <html> string")
}
