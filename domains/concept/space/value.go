package space

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Value is one coordinate: a number (continuous, circular) or a label
// (ordinal level, categorical value). In JSON it is a number or a string.
type Value struct {
	Num     float64
	Label   string
	IsLabel bool
}

// Num is a numeric coordinate.
func Num(x float64) Value { return Value{Num: x} }

// Label is an ordinal or categorical coordinate.
func Label(s string) Value { return Value{Label: s, IsLabel: true} }

// String shows the value as a user wrote it.
func (v Value) String() string {
	if v.IsLabel {
		return strconv.Quote(v.Label)
	}
	return strconv.FormatFloat(v.Num, 'g', -1, 64)
}

// MarshalJSON writes a number or a string.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.IsLabel {
		return json.Marshal(v.Label)
	}
	return json.Marshal(v.Num)
}

// UnmarshalJSON reads a number or a string; anything else is refused.
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = Label(s)
		return nil
	}
	var x float64
	if bytes.Equal(b, []byte("null")) {
		return fmt.Errorf("%w: a coordinate is a number or a string, not null", ErrWrongType)
	}
	if err := json.Unmarshal(b, &x); err != nil {
		return fmt.Errorf("%w: a coordinate is a number or a string, not %s", ErrWrongType, b)
	}
	*v = Num(x)
	return nil
}

// Point is a position in a space: a coordinate per dimension name.
type Point map[string]Value
