package codec

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

// graphmlBuiltin are the node data keys with a model field.
var graphmlBuiltin = map[string]bool{"label": true, "kind": true, "x": true, "y": true, "ref": true}

// EncodeGraphML writes the document as GraphML, each group node holding its
// graph as a nested <graph>; properties become string keys.
func EncodeGraphML(w io.Writer, d *Document) error {
	o, err := newOutline(d, xmlClean)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="x" for="node" attr.name="x" attr.type="double"/>
  <key id="y" for="node" attr.name="y" attr.type="double"/>
  <key id="ref" for="node" attr.name="ref" attr.type="string"/>
  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
  <key id="ekind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="gname" for="graph" attr.name="label" attr.type="string"/>
`)
	props := propKeys(o, map[string]string{})
	for _, name := range sortedKeys(props) {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n", props[name], xmlEscape(name))
	}
	attrs := graphAttrKeys(d.Attrs)
	for i, name := range attrs {
		fmt.Fprintf(bw, "  <key id=\"g%d\" for=\"graph\" attr.name=\"%s\" attr.type=\"string\"/>\n", i, xmlEscape(name))
	}
	fmt.Fprintf(bw, "  <graph id=\"%s\" edgedefault=\"directed\">\n", xmlEscape(o.g.ID))
	for i, name := range attrs {
		writeData(bw, "    ", fmt.Sprintf("g%d", i), d.Attrs[name])
	}
	writeGraphMLContent(bw, o, props, "  ")
	bw.WriteString("</graphml>\n")
	return bw.Flush()
}

// propKeys gives every property name in the outline a key ID.
func propKeys(o *outline, keys map[string]string) map[string]string {
	for _, n := range o.nodes {
		for _, k := range sortedKeys(n.n.Props) {
			if _, ok := keys[k]; !ok && !graphmlBuiltin[k] {
				keys[k] = fmt.Sprintf("p%d", len(keys))
			}
		}
		if n.sub != nil {
			propKeys(n.sub, keys)
		}
	}
	return keys
}

// graphAttrKeys lists the document's graph attributes GraphML writes as
// graph data, in key order: all but label and name, which the gname key
// holds.
func graphAttrKeys(attrs map[string]string) []string {
	var keys []string
	for _, k := range sortedKeys(attrs) {
		if k != "label" && k != "name" && attrs[k] != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// writeGraphMLGraph writes a <graph> element with its content.
func writeGraphMLGraph(w *bufio.Writer, o *outline, props map[string]string, in string) {
	fmt.Fprintf(w, "%s<graph id=\"%s\" edgedefault=\"directed\">\n", in, xmlEscape(o.g.ID))
	writeGraphMLContent(w, o, props, in)
}

// writeGraphMLContent writes a graph's name, nodes and edges, and closes
// its <graph> element.
func writeGraphMLContent(w *bufio.Writer, o *outline, props map[string]string, in string) {
	writeData(w, in+"  ", "gname", o.g.Name)
	for _, n := range o.nodes {
		writeGraphMLNode(w, n, props, in+"  ")
	}
	for _, e := range o.edges {
		fmt.Fprintf(w, "%s  <edge id=\"%s\" source=\"%s\" target=\"%s\">", in, xmlEscape(e.id), xmlEscape(e.from), xmlEscape(e.to))
		writeData(w, "", "elabel", e.e.Label)
		writeData(w, "", "ekind", e.e.Kind)
		w.WriteString("</edge>\n")
	}
	fmt.Fprintf(w, "%s</graph>\n", in)
}

func writeGraphMLNode(w *bufio.Writer, n onode, props map[string]string, in string) {
	fmt.Fprintf(w, "%s<node id=\"%s\">", in, xmlEscape(n.id))
	writeData(w, "", "label", n.n.Label)
	writeData(w, "", "kind", n.n.Kind)
	writeData(w, "", "ref", n.ref)
	if n.n.Pos.X != 0 || n.n.Pos.Y != 0 {
		writeData(w, "", "x", formatFloat(n.n.Pos.X))
		writeData(w, "", "y", formatFloat(n.n.Pos.Y))
	}
	for _, k := range sortedKeys(n.n.Props) {
		if !graphmlBuiltin[k] {
			fmt.Fprintf(w, "<data key=\"%s\">%s</data>", props[k], xmlEscape(n.n.Props[k]))
		}
	}
	if n.sub != nil {
		w.WriteString("\n")
		writeGraphMLGraph(w, n.sub, props, in+"  ")
		w.WriteString(in)
	}
	w.WriteString("</node>\n")
}

func writeData(w *bufio.Writer, in, key, v string) {
	if v != "" {
		fmt.Fprintf(w, "%s<data key=\"%s\">%s</data>", in, key, xmlEscape(v))
		if in != "" {
			w.WriteString("\n")
		}
	}
}

// xmlClean replaces the characters XML 1.0 cannot hold, even escaped, so
// that IDs stay distinct after escaping (they are made unique afterwards).
func xmlClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return '_'
	}, s)
}

func xmlEscape(s string) string {
	if !strings.ContainsAny(s, "<>&'\"\r\n\t") && isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
