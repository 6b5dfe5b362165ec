package codec

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// EncodeMermaid writes the document as a `flowchart TD` (or the direction
// its rankdir attribute names); groups become subgraphs. Positions,
// properties, other graph attributes and non-nesting references are lost.
func EncodeMermaid(w io.Writer, d *Document) error {
	o, err := newOutline(d, nil)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if o.g.Name != "" {
		fmt.Fprintf(bw, "---\ntitle: %q\n---\n", o.g.Name)
	}
	fmt.Fprintf(bw, "flowchart %s\n", mermaidDirection(d.Attrs["rankdir"]))
	m := &mermaidWriter{w: bw, ids: map[string]string{}, used: map[string]bool{"end": true}}
	m.body(o, "    ")
	return bw.Flush()
}

// mermaidDirections are the Graphviz rankdir values Mermaid has as
// flowchart directions (TD is Mermaid's TB).
var mermaidDirections = map[string]bool{"TB": true, "BT": true, "LR": true, "RL": true}

// mermaidDirection is the flowchart direction for a rankdir: itself when
// Mermaid has it, else TD.
func mermaidDirection(rankdir string) string {
	if mermaidDirections[strings.ToUpper(rankdir)] {
		return strings.ToUpper(rankdir)
	}
	return "TD"
}

// mermaidWriter writes an outline as flowchart statements.
type mermaidWriter struct {
	w    *bufio.Writer
	ids  map[string]string // outline ID -> Mermaid ID
	used map[string]bool
}

// mermaidKeywords start statements, so no node may be called so.
var mermaidKeywords = map[string]bool{"end": true, "subgraph": true, "graph": true, "flowchart": true, "flowchart-elk": true}

var mermaidBad = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// id gives a node an ID Mermaid accepts, unique in the chart.
func (m *mermaidWriter) id(outlineID string) string {
	if id, ok := m.ids[outlineID]; ok {
		return id
	}
	id := mermaidBad.ReplaceAllString(outlineID, "_")
	if id == "" || mermaidKeywords[strings.ToLower(id)] || mermaidSkipped[id] {
		id = "n_" + id
	}
	id = uniqueID(m.used, id)
	m.ids[outlineID] = id
	return id
}

func (m *mermaidWriter) body(o *outline, in string) {
	for _, n := range o.nodes {
		if n.sub == nil {
			fmt.Fprintf(m.w, "%s%s%s\n", in, m.id(n.id), mermaidShape(n.n.Kind, n.n.Label))
			continue
		}
		fmt.Fprintf(m.w, "%ssubgraph %s", in, m.id(n.id))
		if l := n.label(); l != "" {
			fmt.Fprintf(m.w, " [\"%s\"]", mermaidEscape(l))
		}
		m.w.WriteString("\n")
		m.body(n.sub, in+"    ")
		fmt.Fprintf(m.w, "%send\n", in)
	}
	for _, e := range o.edges {
		fmt.Fprintf(m.w, "%s%s %s %s\n", in, m.id(e.from), linkFor(e.e.Kind).arrow(e.e.Label), m.id(e.to))
	}
}

// mermaidShape writes the label inside the delimiters of the node's kind.
func mermaidShape(kind, label string) string {
	if kind == "" && label == "" {
		return ""
	}
	for _, sh := range mermaidShapes {
		if sh.kind == kind {
			return sh.open + `"` + mermaidEscape(label) + `"` + sh.close
		}
	}
	return `["` + mermaidEscape(label) + `"]`
}
