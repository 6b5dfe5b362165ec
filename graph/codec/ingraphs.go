package codec

import "maps"

// IntoGraphs moves what the document keeps beside its graphs into them,
// where the graph service stores it: each edge's real ends (Ends) into the
// edge's InnerFrom and InnerTo, and the root's attributes (Attrs) into the
// root graph's Attrs. [Document.FromGraphs] is the reverse, for a document
// read back from the service. The document's graphs are changed in place.
func (d *Document) IntoGraphs() {
	graphs := d.index()
	for k, ends := range d.Ends {
		g := graphs[k.Graph]
		if g == nil {
			continue
		}
		for i := range g.Edges {
			if e := &g.Edges[i]; e.ID == k.Edge {
				e.InnerFrom, e.InnerTo = inner(ends.From, e.From), inner(ends.To, e.To)
			}
		}
	}
	if root := graphs[d.Root]; root != nil && len(d.Attrs) > 0 {
		root.Attrs = maps.Clone(d.Attrs)
	}
}

// FromGraphs sets the document's Ends and Attrs from its graphs (the
// edges' InnerFrom and InnerTo, the root graph's Attrs), as IntoGraphs put
// them there.
func (d *Document) FromGraphs() {
	d.Ends = nil
	for _, g := range d.Graphs {
		for _, e := range g.Edges {
			if e.InnerFrom == "" && e.InnerTo == "" {
				continue
			}
			if d.Ends == nil {
				d.Ends = map[EdgeKey]Ends{}
			}
			d.Ends[EdgeKey{Graph: g.ID, Edge: e.ID}] = Ends{From: orEnd(e.InnerFrom, e.From), To: orEnd(e.InnerTo, e.To)}
		}
	}
	d.Attrs = nil
	if root := d.RootGraph(); root != nil && len(root.Attrs) > 0 {
		d.Attrs = maps.Clone(root.Attrs)
	}
}

// inner is a real end worth keeping: empty where it is the drawn end.
func inner(real, drawn string) string {
	if real == drawn {
		return ""
	}
	return real
}

func orEnd(inner, drawn string) string {
	if inner == "" {
		return drawn
	}
	return inner
}
