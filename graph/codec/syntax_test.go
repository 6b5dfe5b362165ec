package codec

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// summary lists a document's graphs, nodes (id:label:kind, group nodes with
// >ref) and edges (id=from->to:label:kind) in a compact, readable form.
func summary(d *Document) string {
	var parts []string
	for _, g := range d.Graphs {
		var items []string
		for _, n := range g.Nodes {
			s := n.ID + ":" + n.Label + ":" + n.Kind
			if n.Ref != "" {
				s += ">" + n.Ref
			}
			items = append(items, s)
		}
		for _, e := range g.Edges {
			items = append(items, fmt.Sprintf("%s=%s->%s:%s:%s", e.ID, e.From, e.To, e.Label, e.Kind))
		}
		parts = append(parts, g.ID+"{"+strings.Join(items, " ")+"}")
	}
	return strings.Join(parts, " ")
}

func checkSummaries(t *testing.T, format Format, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		d, err := Decode(strings.NewReader(c[0]), format)
		if err != nil {
			t.Errorf("%q: %v", c[0], err)
			continue
		}
		if got := summary(d); got != c[1] {
			t.Errorf("%q\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}

// TestDOTSyntax: the DOT grammar's corners as Graphviz reads them.
func TestDOTSyntax(t *testing.T) {
	checkSummaries(t, FormatDOT, [][2]string{
		{`strict graph { a -- b -- c }`, `root{a:a: b:b: c:c: e0=a->b:: e1=b->c::}`},
		{`digraph G { a -> {b; c} [label=x] }`, `G{a:a: b:b: c:c: e0=a->b:x: e1=a->c:x:}`},
		{`digraph { {a b} -> c }`, `root{a:a: b:b: c:c: e0=a->c:: e1=b->c::}`},
		{"digraph { a:p1:n -> b:s\n# 1 \"pre.dot\"\n}", `root{a:a: b:b: e0=a->b::}`},
		{`digraph { node [shape=box] a; node [shape=circle]; b; a [shape=egg] }`, `root{a:a:egg b:b:circle}`},
		{`digraph { edge [label=dflt]; a -> b; a -> b [label="own"] [kind=k] }`, `root{a:a: b:b: e0=a->b:dflt: e1=a->b:own:k}`},
		{`digraph { a [label="multi" + "part", kind=step]; "x y" [label=<<b>bold</b>>] }`, `root{a:multipart:step x y:bold:}`},
		{`digraph { subgraph s { node [kind=in] a } b }`, `root{a:a:in b:b:}`},
		{`digraph { a; subgraph cluster_c { label=C; a; b } }`, `root{cluster_c:C:cluster>cluster_c} cluster_c{a:a: b:b:}`},
		{`digraph { subgraph cluster_o { subgraph cluster_i { x } } y -> x }`,
			`root{cluster_o::cluster>cluster_o y:y: e0=y->cluster_o::} cluster_o{cluster_i::cluster>cluster_i} cluster_i{x:x:}`},
		{`digraph { subgraph cluster_a { a } subgraph cluster_b { b } a -> b [lhead=cluster_b] }`,
			`root{cluster_a::cluster>cluster_a cluster_b::cluster>cluster_b e0=cluster_a->cluster_b::} cluster_a{a:a:} cluster_b{b:b:}`},
		{`digraph { a [ref=root] }`, `root{a:a:>root}`},
		{`/* c */ digraph { a // x` + "\n" + `-> b }`, `root{a:a: b:b: e0=a->b::}`},
		{`digraph { "node" -> "\"q\"" [id=my] }`, `root{node:node: "q":"q": my=node->"q"::}`},
	})
}

// TestMermaidSyntax: node shapes, link styles, labels in both places,
// chains, '&', subgraph forms and skipped lines.
func TestMermaidSyntax(t *testing.T) {
	checkSummaries(t, FormatMermaid, [][2]string{
		{"graph TD\nA-->B", `flowchart{A:: B:: e0=A->B::}`},
		{"flowchart LR\n  A[Start] --> B{Ok?} -->|yes| C((Done))", `flowchart{A:Start: B:Ok?:rhombus C:Done:circle e0=A->B:: e1=B->C:yes:}`},
		{"graph LR\nA -- go on --> B\nA-. maybe .->C\nA == must ==> D", `flowchart{A:: B:: C:: D:: e0=A->B:go on: e1=A->C:maybe:dotted e2=A->D:must:thick}`},
		{"graph LR\nA & B --> C & D", `flowchart{A:: B:: C:: D:: e0=A->C:: e1=A->D:: e2=B->C:: e3=B->D::}`},
		{"graph LR\nA --- B\nA -.- C\nA === D\nA --o E\nA --x F\nA <--> G\nA ~~~ H",
			`flowchart{A:: B:: C:: D:: E:: F:: G:: H:: e0=A->B::line e1=A->C::dotted-line e2=A->D::thick-line e3=A->E::circle e4=A->F::cross e5=A->G::bi e6=A->H::invisible}`},
		{"graph TD\nA[\"quoted [text]\"];B(\"a;b\")", `flowchart{A:quoted [text]: B:a;b:round}`},
		{"graph TD\nA[line<br>two]:::hot --> B", `flowchart{A:line` + "\n" + `two: B:: e0=A->B::}`},
		{"graph TD\nsubgraph one\nA\nend\nsubgraph t2 [Two words]\nB\nend\nsubgraph Three words\nC\nend",
			`flowchart{one::subgraph>one t2:Two words:subgraph>t2 Three words:Three words:subgraph>Three words} one{A::} t2{B::} Three words{C::}`},
		{"%% comment\ngraph TD\n%% another\nclassDef x fill:#fff\nclass A x\nstyle A fill:#f00\nlinkStyle 0 stroke:red\nclick A call\nA", `flowchart{A::}`},
		{"graph TD\nA --> s\nsubgraph s\nB\nend", `flowchart{A:: s::subgraph>s e0=A->s::} s{B::}`},
		{"flowchart TD\nA@{ shape: cyl, label: \"Orders, v2\" } --> B@{shape: notch-rect}", `flowchart{A:Orders, v2:cylinder B::notch-rect e0=A->B::}`},
		{"graph TD\nmy-node --> x_1", `flowchart{my-node:: x_1:: e0=my-node->x_1::}`},
	})
}

// TestGraphMLKeyDefaults: a key's <default> fills nodes and edges without
// that data; for="all" keys apply to both.
func TestGraphMLKeyDefaults(t *testing.T) {
	checkSummaries(t, FormatGraphML, [][2]string{
		{`<graphml><key id="k" for="node" attr.name="kind"><default>box</default></key>
<key id="l" for="all" attr.name="label"><default>?</default></key>
<graph id="g"><node id="a"/><node id="b"><data key="k">disk</data><data key="l">B</data></node>
<edge source="a" target="b"/></graph></graphml>`, `g{a:?:box b:B:disk e0=a->b:?:}`},
		{`<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY x "y">]><graphml><!-- c --><graph>
<node id="a"><![CDATA[ignored]]></node><hyperedge><endpoint node="a"/></hyperedge></graph></graphml>`, `root{a::}`},
	})
}

// TestMarkdownBlocksKeepLineNumbers: an error in the second block names its
// line in the page, not in the block.
func TestMarkdownBlocksKeepLineNumbers(t *testing.T) {
	page := "# T\n\n```mermaid\ngraph TD\nA-->B\n```\n\ntext\n\n```mermaid\ngraph TD\nA-->B\nB ?? C\n```\n"
	if _, err := DecodeMarkdown(strings.NewReader(page), AllBlocks()); err == nil || !strings.Contains(err.Error(), "line 13") {
		t.Errorf("error %v, want line 13", err)
	}
	blocks := mermaidBlocks(page)
	if got := []int{blocks[0].line, blocks[1].line}; !slices.Equal(got, []int{4, 11}) {
		t.Errorf("block lines %v", got)
	}
}
