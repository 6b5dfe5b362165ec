package expr

import (
	"strconv"
	"strings"
)

// node is one element of a parsed expression.
type node interface {
	col() int
	write(b *strings.Builder)
}

type literal struct {
	at    int
	value any // float64, string or bool
}

type path struct {
	at    int
	parts []string
}

type not struct {
	at int
	x  node
}

type binary struct {
	at   int
	op   kind
	l, r node
}

func (n literal) col() int { return n.at }
func (n path) col() int    { return n.at }
func (n not) col() int     { return n.at }
func (n binary) col() int  { return n.at }

func (n literal) write(b *strings.Builder) {
	switch v := n.value.(type) {
	case string:
		b.WriteString(quote(v))
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	}
}

func (n path) write(b *strings.Builder) { b.WriteString(strings.Join(n.parts, ".")) }

func (n not) write(b *strings.Builder) {
	b.WriteString("not ")
	n.x.write(b)
}

// write brackets every binary operation, so the canonical form re-parses
// to the same tree whatever the precedence.
func (n binary) write(b *strings.Builder) {
	b.WriteByte('(')
	n.l.write(b)
	b.WriteString(" " + opText[n.op] + " ")
	n.r.write(b)
	b.WriteByte(')')
}

var opText = map[kind]string{
	tAnd: "and", tOr: "or", tEq: "==", tNe: "!=", tLt: "<", tLe: "<=", tGt: ">", tGe: ">=",
}

var quoter = strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\t", `\t`)

func quote(s string) string { return "'" + quoter.Replace(s) + "'" }
