package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/cimviz/cimviz/graph"
)

// cyElement is one Cytoscape.js element; nodes and edges differ by group or
// by having data.source and data.target.
type cyElement struct {
	Group    string         `json:"group,omitempty"`
	Data     map[string]any `json:"data"`
	Position *graph.Point   `json:"position,omitempty"`
}

type cyElements struct {
	Nodes []cyElement `json:"nodes"`
	Edges []cyElement `json:"edges"`
}

type cyDoc struct {
	Data     map[string]any  `json:"data,omitempty"`
	Elements json.RawMessage `json:"elements"`
}

// cyReserved are data keys with a model field; others become properties.
var cyReserved = map[string]bool{"compound": true, "id": true, "label": true, "kind": true, "parent": true, "ref": true, "source": true, "target": true}

// DecodeCytoscape reads Cytoscape.js JSON: `{elements: {nodes, edges}}`,
// `{elements: [...]}` or a bare array of elements. Compound nodes (parent)
// become groups.
func DecodeCytoscape(r io.Reader) (*Document, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	els, top, err := cyParse(src)
	if err != nil {
		return nil, err
	}
	b := newBuilder(cyString(top["id"]), cyString(top["name"]))
	for k, v := range top {
		if k != "id" && k != "name" {
			b.setAttr(k, cyString(v))
		}
	}
	if err := cyNodes(b, els.Nodes); err != nil {
		return nil, err
	}
	for i, e := range els.Edges {
		src, dst := cyString(e.Data["source"]), cyString(e.Data["target"])
		if src == "" || dst == "" {
			return nil, fmt.Errorf("%w: cytoscape edges[%d]: missing data.source or data.target", ErrSyntax, i)
		}
		b.edge(graph.Edge{ID: cyString(e.Data["id"]), From: src, To: dst, Label: cyString(e.Data["label"]), Kind: cyString(e.Data["kind"])})
	}
	return b.build()
}

// cyParse accepts the three layouts and sorts elements into nodes and edges;
// it also returns the document's data (the root graph's id and name).
func cyParse(src []byte) (cyElements, map[string]any, error) {
	var els cyElements
	raw := json.RawMessage(src)
	var top map[string]any
	if t := bytes.TrimSpace(src); len(t) > 0 && t[0] == '{' {
		var doc cyDoc
		if err := json.Unmarshal(src, &doc); err != nil {
			return els, nil, jsonError(err)
		}
		raw, top = doc.Elements, doc.Data
		if len(raw) == 0 {
			return els, nil, fmt.Errorf("%w: cytoscape: no \"elements\"", ErrSyntax)
		}
	}
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '{' {
		err := json.Unmarshal(raw, &els)
		return els, top, cyError(err)
	}
	var flat []cyElement
	if err := json.Unmarshal(raw, &flat); err != nil {
		return els, nil, cyError(err)
	}
	for _, e := range flat {
		if e.Group == "edges" || e.Group == "" && e.Data["source"] != nil && e.Data["target"] != nil {
			els.Edges = append(els.Edges, e)
		} else {
			els.Nodes = append(els.Nodes, e)
		}
	}
	return els, top, nil
}

func cyError(err error) error {
	if err == nil {
		return nil
	}
	return jsonError(err)
}

// cyNodes adds the nodes, then nests each under its parent. A node marked
// "compound" is a group even with no members (Cytoscape.js itself only
// knows parents by their children).
func cyNodes(b *builder, nodes []cyElement) error {
	for i, e := range nodes {
		id := cyString(e.Data["id"])
		if id == "" || b.has(id) {
			return fmt.Errorf("%w: cytoscape nodes[%d]: missing or duplicate data.id %q", ErrSyntax, i, id)
		}
		*b.node(id) = cyNode(id, e)
	}
	for _, e := range nodes {
		if c, _ := e.Data["compound"].(bool); c {
			id := cyString(e.Data["id"])
			b.group(id, id, b.node(id).Label)
		}
	}
	for i, e := range nodes {
		parent := cyString(e.Data["parent"])
		if parent == "" {
			continue
		}
		if !b.has(parent) {
			return fmt.Errorf("%w: cytoscape nodes[%d]: parent %q is not a node", ErrInvalid, i, parent)
		}
		gid := b.group(parent, parent, b.node(parent).Label)
		b.place(cyString(e.Data["id"]), gid)
	}
	return nil
}

func cyNode(id string, e cyElement) graph.Node {
	n := graph.Node{ID: id, Label: cyString(e.Data["label"]), Kind: cyString(e.Data["kind"])}
	if _, ok := e.Data["label"]; !ok {
		n.Label = cyString(e.Data["name"])
	}
	if e.Position != nil {
		n.Pos = *e.Position
	}
	for k, v := range e.Data {
		if !cyReserved[k] || k == "ref" {
			if n.Props == nil {
				n.Props = map[string]string{}
			}
			n.Props[k] = cyString(v)
		}
	}
	return n
}

// cyString renders a data value: strings as they are, others as JSON.
func cyString(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
