package codec

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// seedFuzz adds the testdata files of a format and the sample exported in
// it, so the seed corpus runs with every plain `go test`.
func seedFuzz(f *testing.F, format Format, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	sample, err := os.Open("testdata/sample.cimviz.json")
	if err != nil {
		f.Fatal(err)
	}
	defer sample.Close()
	d, err := DecodeJSON(sample)
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, d, format); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
}

// fuzzDecode checks that decoding never panics, that what decodes is a
// valid document, and that every decoded document can be written in native
// JSON and in its own format, and what is written reads again.
func fuzzDecode(t *testing.T, data []byte, format Format) {
	d, err := Decode(bytes.NewReader(data), format)
	if err != nil {
		return
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("decoded an invalid document: %v", err)
	}
	if err := EncodeJSON(io.Discard, d); err != nil {
		t.Fatalf("cannot write native json: %v", err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, d, format); err != nil {
		t.Fatalf("cannot write back what was read: %v", err)
	}
	if _, err := Decode(&buf, format); err != nil {
		t.Fatalf("cannot read what was written: %v\n%s", err, buf.String())
	}
}

func FuzzDecodeDOT(f *testing.F) {
	seedFuzz(f, FormatDOT, "testdata/dot/*.gv", "testdata/golden/*.gv")
	f.Add([]byte("graph { a -- {b c} -- d; subgraph cluster_x { e:p:n } e -> x [lhead=cluster_x] }"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatDOT) })
}

func FuzzDecodeGraphML(f *testing.F) {
	seedFuzz(f, FormatGraphML, "testdata/graphml/*.graphml", "testdata/golden/*.graphml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatGraphML) })
}

func FuzzDecodeMermaid(f *testing.F) {
	seedFuzz(f, FormatMermaid, "testdata/mermaid/*.mmd", "testdata/golden/*.mmd")
	f.Add([]byte("graph LR\nA-->B;B-- x -->C & D\nsubgraph S\nC\nend\nS-.->A"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatMermaid) })
}

func FuzzDecodeMarkdown(f *testing.F) {
	seedFuzz(f, FormatMarkdown, "testdata/mermaid/*.md", "testdata/golden/*.md")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatMarkdown) })
}

func FuzzDecodeCytoscape(f *testing.F) {
	seedFuzz(f, FormatCytoscape, "testdata/cytoscape/*", "testdata/golden/*.cyjs")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatCytoscape) })
}

func FuzzDecodeJSON(f *testing.F) {
	seedFuzz(f, FormatJSON, "testdata/*.json", "testdata/golden/*.json")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, FormatJSON) })
}
