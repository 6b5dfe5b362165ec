// Package codec imports and exports cimviz graphs: the lossless native JSON
// document, Graphviz DOT, GraphML (networkx and yEd flavours), Mermaid
// flowcharts (also fenced in Markdown) and Cytoscape.js JSON.
//
// Every decoder returns a [Document]: a root graph plus the graphs its nodes
// stand for ([graph.Node.Ref]). Formats that nest (DOT clusters, GraphML
// graphs inside nodes, Mermaid subgraphs, Cytoscape compound nodes) map to
// the same shape: the group becomes a node in its parent graph whose Ref
// names a graph holding the group's members.
//
// # Nesting mapping
//
//   - DOT: `subgraph cluster_x { ... }` becomes node "cluster_x" (Kind
//     "cluster", Label = the cluster's label) with Ref "cluster_x"; plain
//     subgraphs (no "cluster" prefix) only scope attributes, as in Graphviz.
//     A node belongs to the deepest cluster it is mentioned in.
//   - GraphML: `<node id="n"><graph id="g">` makes n a group node with Ref g.
//   - Mermaid: `subgraph id [title] ... end` makes node id with Ref id.
//   - Cytoscape.js: a node named as another's `parent` is a group node.
//
// The model keeps every edge inside one graph, so an edge whose ends lie in
// different groups is lifted to their lowest common graph, each end replaced
// by the group node that contains it (DOT `lhead`/`ltail` name such ends
// explicitly). Exporters do the reverse: a group node is written as the
// format's group, and a node whose Ref points at a graph already written (a
// cycle, or a second reference) is written as a plain node with a "ref"
// attribute, which the importers turn back into Ref.
//
// DOT positions (`pos`, in points, y up) are flipped to y down. Attributes
// without a model field are kept in [graph.Node.Props] where the format
// allows; graph-level attributes other than the label are dropped.
//
// Errors wrap [ErrSyntax] (with the line, element or offset) or
// [ErrUnsupported], so callers test them with errors.Is.
package codec
