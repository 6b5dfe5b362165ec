package expr

import (
	"errors"
	"fmt"
)

// Sentinel errors; every [*Error] wraps one of them.
var (
	// ErrSyntax: the source is not an expression of the grammar.
	ErrSyntax = errors.New("syntax error")
	// ErrType: an operator got operands it does not work on.
	ErrType = errors.New("type error")
	// ErrUndefined: a path names nothing in the context.
	ErrUndefined = errors.New("undefined")
)

// Error is a fault at a column of the source.
type Error struct {
	// Col is the 1-based column (in characters) where the fault is.
	Col  int
	Msg  string
	kind error
}

func (e *Error) Error() string { return fmt.Sprintf("%v at column %d: %s", e.kind, e.Col, e.Msg) }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.kind }

func errorf(kind error, col int, format string, args ...any) *Error {
	return &Error{Col: col, Msg: fmt.Sprintf(format, args...), kind: kind}
}
