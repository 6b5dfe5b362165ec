package codec

import (
	"encoding/json"
	"io"
)

// EncodeCytoscape writes `{data: {id, name, ...}, elements: {nodes, edges}}`
// (data names the root graph and holds the document's Attrs); group members name their group node as
// parent.
func EncodeCytoscape(w io.Writer, d *Document) error {
	o, err := newOutline(d, nil)
	if err != nil {
		return err
	}
	els := cyElements{Nodes: []cyElement{}, Edges: []cyElement{}}
	cyFlatten(o, "", &els)
	raw, err := json.Marshal(els)
	if err != nil {
		return err
	}
	doc := cyDoc{Elements: raw, Data: map[string]any{}}
	for k, v := range d.Attrs {
		doc.Data[k] = v
	}
	doc.Data["id"] = o.g.ID
	setNonEmpty(doc.Data, "name", o.g.Name)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func cyFlatten(o *outline, parent string, els *cyElements) {
	for _, n := range o.nodes {
		data := map[string]any{"id": n.id}
		for k, v := range n.n.Props {
			if !cyReserved[k] {
				data[k] = v
			}
		}
		setNonEmpty(data, "label", n.label())
		setNonEmpty(data, "kind", n.n.Kind)
		setNonEmpty(data, "parent", parent)
		setNonEmpty(data, "ref", n.ref)
		if n.sub != nil {
			data["compound"] = true
		}
		pos := n.n.Pos
		els.Nodes = append(els.Nodes, cyElement{Data: data, Position: &pos})
		if n.sub != nil {
			cyFlatten(n.sub, n.id, els)
		}
	}
	for _, e := range o.edges {
		data := map[string]any{"id": e.id, "source": e.from, "target": e.to}
		setNonEmpty(data, "label", e.e.Label)
		setNonEmpty(data, "kind", e.e.Kind)
		els.Edges = append(els.Edges, cyElement{Data: data})
	}
}

func setNonEmpty(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}
