package codec

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestJSONRoundTripIsExact: the native document gives back exactly what was
// written, nested and self-referencing graphs included.
func TestJSONRoundTripIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDocument(t)
		var buf bytes.Buffer
		if err := EncodeJSON(&buf, d); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeJSON(&buf)
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(got, d) {
			t.Fatalf("round trip differs:\n got %+v\nwant %+v", got.Graphs, d.Graphs)
		}
	})
}

var interchange = []struct {
	format Format
	keep   keep
}{
	{FormatDOT, keep{kinds: true, props: true, pos: true}},
	{FormatGraphML, keep{kinds: true, props: true, pos: true, groupPos: true}},
	{FormatCytoscape, keep{kinds: true, props: true, pos: true, groupPos: true}},
	{FormatMermaid, keep{kinds: true}},
	{FormatMarkdown, keep{kinds: true}},
}

// TestInterchangeRoundTripKeepsStructure: every interchange format keeps
// nodes, labels, edges, nesting and what else it has room for.
func TestInterchangeRoundTripKeepsStructure(t *testing.T) {
	for _, f := range interchange {
		t.Run(string(f.format), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				d := genTreeDocument(t)
				var buf bytes.Buffer
				if err := Encode(&buf, d, f.format); err != nil {
					t.Fatal(err)
				}
				got, err := Decode(bytes.NewReader(buf.Bytes()), f.format)
				if err != nil {
					t.Fatalf("decode: %v\n%s", err, buf.String())
				}
				if want, have := shape(d, f.keep), shape(got, f.keep); !slices.Equal(want, have) {
					t.Fatalf("shape differs\nwant %q\nhave %q\n%s", want, have, buf.String())
				}
			})
		})
	}
}

// TestAnyDocumentExportsAndReadsBack: whatever a valid document holds (any
// strings, cycles, self-references), every format writes it and reads what
// it wrote.
func TestAnyDocumentExportsAndReadsBack(t *testing.T) {
	for format := range goldenFormats {
		t.Run(string(format), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				d := genDocument(t)
				var buf bytes.Buffer
				if err := Encode(&buf, d, format); err != nil {
					t.Fatal(err)
				}
				if _, err := Decode(bytes.NewReader(buf.Bytes()), format); err != nil {
					t.Fatalf("%v\n%s", err, buf.String())
				}
			})
		})
	}
}
