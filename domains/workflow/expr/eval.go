package expr

import (
	"fmt"
	"strings"
)

// Context is what an expression reads: a path a.b.c looks up "a", then "b"
// inside the map found there, and so on. Values are JSON's: float64 (any
// Go integer or float is taken as a number), string, bool, nested maps.
type Context map[string]any

// Eval evaluates the expression against ctx. It fails with [ErrUndefined]
// for a path that names nothing and [ErrType] for operands an operator does
// not accept, naming the column either way.
func (e *Expr) Eval(ctx Context) (any, error) { return eval(e.root, ctx) }

// Bool evaluates a condition: the result must be a boolean.
func (e *Expr) Bool(ctx Context) (bool, error) {
	v, err := e.Eval(ctx)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, errorf(ErrType, e.root.col(), "condition is %s, not a boolean", typeName(v))
	}
	return b, nil
}

func eval(n node, ctx Context) (any, error) {
	switch n := n.(type) {
	case literal:
		return n.value, nil
	case path:
		return lookup(n, ctx)
	case not:
		b, err := evalBool(n.x, ctx, "not")
		return !b, err
	case binary:
		return evalBinary(n, ctx)
	}
	return nil, errorf(ErrSyntax, 1, "unknown expression node %T", n)
}

func lookup(p path, ctx Context) (any, error) {
	var cur any = map[string]any(ctx)
	for i, part := range p.parts {
		m, ok := asMap(cur)
		if !ok {
			return nil, errorf(ErrUndefined, p.at, "%s is %s, not an object", strings.Join(p.parts[:i], "."), typeName(cur))
		}
		if cur, ok = m[part]; !ok {
			return nil, errorf(ErrUndefined, p.at, "%s is not set", strings.Join(p.parts[:i+1], "."))
		}
	}
	v, ok := normalize(cur)
	if !ok {
		return nil, errorf(ErrType, p.at, "%s holds %s, which conditions cannot read", strings.Join(p.parts, "."), typeName(cur))
	}
	return v, nil
}

func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case Context:
		return m, true
	}
	return nil, false
}

func evalBool(n node, ctx Context, op string) (bool, error) {
	v, err := eval(n, ctx)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, errorf(ErrType, n.col(), "%s needs a boolean, got %s", op, typeName(v))
	}
	return b, nil
}

func evalBinary(n binary, ctx Context) (any, error) {
	if n.op == tAnd || n.op == tOr {
		return evalLogic(n, ctx)
	}
	l, err := eval(n.l, ctx)
	if err != nil {
		return nil, err
	}
	r, err := eval(n.r, ctx)
	if err != nil {
		return nil, err
	}
	return compare(n, l, r)
}

// evalLogic short-circuits, so "x.set and x.n > 1" never reads x.n when
// x.set is false.
func evalLogic(n binary, ctx Context) (any, error) {
	op := opText[n.op]
	l, err := evalBool(n.l, ctx, op)
	if err != nil || l == (n.op == tOr) {
		return l, err
	}
	return evalBool(n.r, ctx, op)
}

func compare(n binary, l, r any) (bool, error) {
	if typeName(l) != typeName(r) {
		return false, errorf(ErrType, n.at, "%s compares %s with %s", opText[n.op], typeName(l), typeName(r))
	}
	switch n.op {
	case tEq:
		return l == r, nil
	case tNe:
		return l != r, nil
	}
	c, ok := order(l, r)
	if !ok {
		return false, errorf(ErrType, n.at, "%s does not order %ss", opText[n.op], typeName(l))
	}
	switch n.op {
	case tLt:
		return c < 0, nil
	case tLe:
		return c <= 0, nil
	case tGt:
		return c > 0, nil
	}
	return c >= 0, nil
}

func order(l, r any) (int, bool) {
	switch l := l.(type) {
	case float64:
		rf := r.(float64)
		return cmp3(l < rf, l > rf), true
	case string:
		return strings.Compare(l, r.(string)), true
	}
	return 0, false
}

func cmp3(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

// normalize turns any Go number into float64 and refuses what the language
// has no values for.
func normalize(v any) (any, bool) {
	switch v := v.(type) {
	case float64, string, bool:
		return v, true
	case float32:
		return float64(v), true
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case int32:
		return float64(v), true
	case uint64:
		return float64(v), true
	case uint32:
		return float64(v), true
	}
	return nil, false
}

func typeName(v any) string {
	switch v.(type) {
	case float64:
		return "number"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case map[string]any, Context:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
