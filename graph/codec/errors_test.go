package codec

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// TestDecodeErrorsSayWhere: bad input fails with a sentinel the caller can
// test and a message naming the line, element or offset.
func TestDecodeErrorsSayWhere(t *testing.T) {
	cases := []struct {
		name, format, input string
		sentinel            error
		where               string
	}{
		{"dot missing brace", "dot", "digraph {\n a -> b\n c [label=\"x\"\n}", ErrSyntax, "dot line 4"},
		{"dot unterminated string", "dot", "digraph {\n\n a [label=\"open]\n}", ErrSyntax, "dot line 3"},
		{"dot not a graph", "dot", "flowchart TD", ErrSyntax, "dot line 1"},
		{"dot edge to nothing", "dot", "digraph {\n a ->\n}", ErrSyntax, "dot line 3"},
		{"graphml bad xml", "graphml", "<graphml>\n<graph>\n<node id='a'>\n</graph>", ErrSyntax, "graphml line 4"},
		{"graphml node without id", "graphml", "<graphml>\n<graph>\n  <node/>\n</graph></graphml>", ErrSyntax, "<node> at line 3"},
		{"graphml edge to unknown node", "graphml", "<graphml><graph><node id='a'/><edge source='a' target='b'/></graph></graphml>", ErrInvalid, `"b"`},
		{"graphml undeclared key", "graphml", "<graphml><graph><node id='a'><data key='k'>1</data></node></graph></graphml>", ErrSyntax, "<data>"},
		{"mermaid bad arrow", "mermaid", "flowchart TD\n  A --> B\n  B ?? C", ErrSyntax, "mermaid line 3"},
		{"mermaid unclosed shape", "mermaid", "graph LR\n\n  A[open --> B", ErrSyntax, "mermaid line 3"},
		{"mermaid unclosed subgraph", "mermaid", "graph LR\n subgraph s\n A", ErrSyntax, "not closed"},
		{"mermaid stray end", "mermaid", "graph LR\n A\n end", ErrSyntax, "mermaid line 3"},
		{"mermaid other diagram", "mermaid", "sequenceDiagram\n A->>B: hi", ErrUnsupported, "mermaid line 1"},
		{"markdown without flowchart", "markdown", "# Title\n```go\nx\n```", ErrUnsupported, "no ```mermaid"},
		{"markdown block error", "markdown", "# T\n\n```mermaid\ngraph TD\n A -->\n```", ErrSyntax, "mermaid line 5"},
		{"json syntax", "json", `{"version": 1, "graphs": [}`, ErrSyntax, "offset 27"},
		{"json wrong type", "json", `{"version": "one"}`, ErrSyntax, "offset"},
		{"json future version", "json", `{"version": 9, "root": "g", "graphs": []}`, ErrUnsupported, "version 9"},
		{"json dangling ref", "json", `{"version":1,"root":"g","graphs":[{"id":"g","nodes":[{"id":"a","ref":"nope"}],"edges":[]}]}`, ErrInvalid, `"nope"`},
		{"json duplicate node", "json", `{"version":1,"root":"g","graphs":[{"id":"g","nodes":[{"id":"a"},{"id":"a"}],"edges":[]}]}`, ErrInvalid, `"a"`},
		{"cytoscape syntax", "cytoscape", `{"elements": {"nodes": [{]}}`, ErrSyntax, "offset"},
		{"cytoscape node without id", "cytoscape", `{"elements": {"nodes": [{"data": {}}]}}`, ErrSyntax, "nodes[0]"},
		{"cytoscape unknown parent", "cytoscape", `[{"data": {"id": "a", "parent": "p"}}]`, ErrInvalid, "nodes[0]"},
		{"cytoscape parent cycle", "cytoscape", `[{"data": {"id": "a", "parent": "b"}}, {"data": {"id": "b", "parent": "a"}}]`, ErrInvalid, "nested inside itself"},
		{"cytoscape edge without target", "cytoscape", `{"elements": {"nodes": [], "edges": [{"data": {"source": "a"}}]}}`, ErrSyntax, "edges[0]"},
		{"unknown format", "visio", "", ErrUnsupported, "visio"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(c.input), Format(c.format))
			if !errors.Is(err, c.sentinel) {
				t.Fatalf("error %v, want %v", err, c.sentinel)
			}
			if !strings.Contains(err.Error(), c.where) {
				t.Errorf("error %q does not say %q", err, c.where)
			}
		})
	}
}

// TestFormatFor picks formats by extension, longest ending first.
func TestFormatFor(t *testing.T) {
	cases := map[string]Format{
		"a.json": FormatJSON, "dir/b.cimviz.json": FormatJSON, "net.cy.json": FormatCytoscape, "NET.CYJS": FormatCytoscape,
		"g.dot": FormatDOT, "g.gv": FormatDOT, "x.graphml": FormatGraphML, "f.mmd": FormatMermaid, "README.md": FormatMarkdown,
	}
	for path, want := range cases {
		if got, err := FormatFor(path); err != nil || got != want {
			t.Errorf("FormatFor(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	if _, err := FormatFor("diagram.vsdx"); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), ".graphml") {
		t.Errorf("unknown extension: %v (should list the known ones)", err)
	}
	if err := Encode(nil, &Document{}, "visio"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("encode unknown format: %v", err)
	}
}

// TestEncodeRejectsBrokenDocuments: no exporter writes a document whose
// root is missing, and JSON refuses positions it cannot represent.
func TestEncodeRejectsBrokenDocuments(t *testing.T) {
	for f := range goldenFormats {
		if err := Encode(&strings.Builder{}, &Document{Root: "missing"}, f); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestDOTAwkwardIDsSurvive: IDs and labels with quotes, backslashes,
// keywords and line breaks come back from DOT as they went in.
func TestDOTAwkwardIDsSurvive(t *testing.T) {
	ids := []string{`a"b`, `ends\`, `q\"x`, "node", "two\nlines", "-1.5", "1e5", "é ü", `\N`}
	g := graph.New("g", "")
	for _, id := range ids {
		must(g.AddNode(graph.Node{ID: id, Label: id + ` \ "label"`, Props: map[string]string{"note": id}}))
	}
	var buf bytes.Buffer
	if err := EncodeDOT(&buf, NewDocument(g)); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeDOT(&buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, id := range ids {
		n, ok := back.RootGraph().Node(id)
		if !ok || n.Label != id+` \ "label"` || n.Props["note"] != id {
			t.Errorf("id %q: found=%v label %q props %v", id, ok, n.Label, n.Props)
		}
	}
}
