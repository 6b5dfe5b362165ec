package change

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/graph"
)

// viaJSON is what encoding/json makes of a node_moved payload.
func viaJSON(data []byte) (NodeMoved, error) {
	var e NodeMoved
	err := json.Unmarshal(data, &e)
	return e, err
}

// TestNodeMovedFastPath: every move json.Marshal writes, whatever its node
// name and position, decodes to the same event as encoding/json makes of it.
func TestNodeMovedFastPath(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		finite := rapid.Float64().Filter(func(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) })
		e := NodeMoved{Node: rapid.String().Draw(t, "node"), Pos: graph.Point{X: finite.Draw(t, "x"), Y: finite.Draw(t, "y")}}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeEvent(TypeNodeMoved, b)
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Fatalf("%s: got %#v, %v; want %#v", b, got, err, e)
		}
	})
}

// TestNodeMovedFastPathDeclines: payloads outside the plain form go to
// encoding/json, which decides (the fast path never accepts them itself).
func TestNodeMovedFastPathDeclines(t *testing.T) {
	for _, p := range []string{
		``, `{}`, `{"node":"a"}`, `{"pos":{"x":1,"y":2},"node":"a"}`, `{"node":"a\u0062","pos":{"x":1,"y":2}}`,
		`{"node":"a","pos":{"x":1e400,"y":2}}`, `{"node":"a","pos":{"x":01,"y":2}}`, `{"node":"a","pos":{"x":1.,"y":2}}`,
		`{"node":"a","pos":{"x":-,"y":2}}`, `{"node":"a","pos":{"x":1,"y":2}} `, `{"node":"a","pos":{"x":1,"y":2e}}`,
		`{"node":"a","pos":{"x":Inf,"y":2}}`, "{\"node\":\"\xff\",\"pos\":{\"x\":1,\"y\":2}}", `{"node":"a","pos":{"x":0x1p3,"y":2}}`,
	} {
		if got, ok := decodeNodeMoved([]byte(p)); ok {
			t.Errorf("%s: fast path took it as %#v", p, got)
		}
	}
}

// FuzzNodeMovedWire: whatever the fast path accepts, encoding/json
// accepts too and reads the same.
func FuzzNodeMovedWire(f *testing.F) {
	for _, p := range []string{`{"node":"a","pos":{"x":1,"y":2}}`, `{"node":"","pos":{"x":-0,"y":1.5e-7}}`,
		`{"node":"a","pos":{"x":1E+2,"y":-0.25}}`, `{"node":"é","pos":{"x":1e400,"y":2}}`, `{"node":"a\n","pos":{"x":1,"y":2}}`} {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := decodeNodeMoved(data)
		if !ok {
			return
		}
		want, err := viaJSON(data)
		if err != nil || !reflect.DeepEqual(got, want) || math.Signbit(got.Pos.X) != math.Signbit(want.Pos.X) {
			t.Fatalf("%q: fast %#v; encoding/json %#v, %v", data, got, want, err)
		}
	})
}
