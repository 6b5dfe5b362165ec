package codec

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var goldenFormats = map[Format]string{
	FormatJSON: "sample.cimviz.json", FormatDOT: "sample.gv", FormatGraphML: "sample.graphml",
	FormatMermaid: "sample.mmd", FormatMarkdown: "sample.md", FormatCytoscape: "sample.cyjs",
}

// TestGoldenExports: each exporter writes testdata/sample.cimviz.json (a
// group, a self-reference, properties, escapes) exactly as reviewed, and
// what it writes imports again.
func TestGoldenExports(t *testing.T) {
	sample := decodeFile(t, "testdata/sample.cimviz.json")
	for format, name := range goldenFormats {
		t.Run(string(format), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Encode(&buf, sample, format); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", path, buf.String())
			}
			back := decodeFile(t, path)
			if _, _, ok := find(back, "Cache & queue"); !ok {
				t.Errorf("%s: nested node lost on import", path)
			}
		})
	}
}

// TestSelfReferenceSurvivesExport: a node standing for its own graph cannot
// nest, so the exporters that keep attributes write it as a "ref" and the
// importers turn that back into Ref.
func TestSelfReferenceSurvivesExport(t *testing.T) {
	sample := decodeFile(t, "testdata/sample.cimviz.json")
	for _, format := range []Format{FormatDOT, FormatGraphML, FormatCytoscape, FormatJSON} {
		var buf bytes.Buffer
		if err := Encode(&buf, sample, format); err != nil {
			t.Fatal(err)
		}
		back, err := Decode(&buf, format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if n, _, _ := find(back, "This map"); n.Ref != back.Root {
			t.Errorf("%s: self reference became %q, want the root %q", format, n.Ref, back.Root)
		}
	}
}
