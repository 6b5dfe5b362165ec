package change

import (
	"strconv"
	"unicode/utf8"
)

// decodeNodeMoved reads a node_moved payload written the way json.Marshal
// writes one ({"node":"a","pos":{"x":1,"y":2}}, no escapes) without
// reflection: a drag leaves thousands of these in a log, and replaying
// one is mostly decoding them. Anything else reports false and is left to
// encoding/json, so the result never differs from json.Unmarshal's.
func decodeNodeMoved(data []byte) (NodeMoved, bool) {
	r := plainJSON{b: data}
	var e NodeMoved
	ok := r.lit(`{"node":`) && r.str(&e.Node) && r.lit(`,"pos":{"x":`) && r.num(&e.Pos.X) &&
		r.lit(`,"y":`) && r.num(&e.Pos.Y) && r.lit(`}}`) && len(r.b) == 0
	return e, ok
}

// plainJSON consumes the front of b, token by token.
type plainJSON struct{ b []byte }

// lit consumes s.
func (r *plainJSON) lit(s string) bool {
	if len(r.b) < len(s) || string(r.b[:len(s)]) != s {
		return false
	}
	r.b = r.b[len(s):]
	return true
}

// str consumes a string without escapes or control characters, in UTF-8.
func (r *plainJSON) str(out *string) bool {
	if len(r.b) == 0 || r.b[0] != '"' {
		return false
	}
	for i := 1; i < len(r.b); i++ {
		switch c := r.b[i]; {
		case c == '"':
			if !utf8.Valid(r.b[1:i]) {
				return false
			}
			*out, r.b = string(r.b[1:i]), r.b[i+1:]
			return true
		case c == '\\' || c < 0x20:
			return false
		}
	}
	return false
}

// num consumes a number of JSON's grammar that fits a float64.
func (r *plainJSON) num(out *float64) bool {
	n := numberLen(r.b)
	if n == 0 {
		return false
	}
	f, err := strconv.ParseFloat(string(r.b[:n]), 64)
	if err != nil {
		return false
	}
	*out, r.b = f, r.b[n:]
	return true
}

// numberLen is the length of the JSON number at the front of b (0: none):
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func numberLen(b []byte) int {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = digits(b, i)
	default:
		return 0
	}
	if i < len(b) && b[i] == '.' {
		if j := digits(b, i+1); j > i+1 {
			i = j
		} else {
			return 0
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		j := i + 1
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if k := digits(b, j); k > j {
			i = k
		} else {
			return 0
		}
	}
	return i
}

// digits skips the decimal digits of b from i on.
func digits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}
