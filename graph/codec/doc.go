// Package codec imports and exports cimviz graphs: the lossless native JSON
// document, Graphviz DOT, GraphML (networkx and yEd flavours), Mermaid
// flowcharts (also fenced in Markdown) and Cytoscape.js JSON.
//
// [Decode] and [Encode] pick a codec by [Format]; [FormatFor] maps file
// names to formats (.json .cimviz.json .dot .gv .graphml .mmd .md .cyjs
// .cy.json). Every decoder returns a [Document]: a root graph plus the
// graphs its nodes stand for ([graph.Node.Ref]), validated.
//
// # Nesting
//
// Formats that nest map to one shape: a group becomes a node in its parent
// graph whose Ref names a graph holding the group's members.
//
//   - DOT: `subgraph cluster_x { ... }` becomes node "cluster_x" (Kind
//     "cluster", Label = the cluster's label) with Ref "cluster_x". Plain
//     subgraphs (no "cluster" prefix) only scope defaults, as in Graphviz. A
//     node belongs to the deepest cluster it is mentioned in.
//   - GraphML: `<node id="n"><graph id="g">` makes n a group node with Ref g
//     (yEd group nodes included).
//   - Mermaid: `subgraph id [title] ... end` makes node id (Kind
//     "subgraph") with Ref id.
//   - Cytoscape.js: a node named as another's `parent` is a group node.
//
// The model keeps every edge inside one graph, so an edge whose ends lie in
// different groups is lifted to their lowest common graph, each end replaced
// by the group node that contains it, which is where a collapsed group is
// drawn; [Document.Ends] keeps the nodes it really joins (DOT
// `lhead`/`ltail` make a group itself the end). Exporters write such an
// edge between its real ends, so `capture -> pick` across two clusters
// stays `capture -> pick` through every format.
//
// Graph attributes the model has no field for are kept in
// [Document.Attrs]: the DOT root graph's attributes (rankdir, ...; not the
// label, which is the name, compound, or layout results such as bb),
// GraphML graph data on the top graph, Cytoscape's top-level data, and
// Mermaid's direction as rankdir.
//
// Exporters do the reverse: a group node is written as the format's group
// (a DOT cluster, holding an invisible anchor node of the cluster's name
// when an edge ends at the group itself, with lhead/ltail). A node whose Ref points at a graph
// already written (a cycle, a self-reference or a second reference) is
// written as a plain node with a "ref" attribute, which the DOT, GraphML
// and Cytoscape importers turn back into Ref. Node and edge IDs are made
// unique document-wide, since these formats share one namespace.
//
// # What each format keeps
//
//   - Native JSON ([EncodeJSON], version [JSONVersion]): everything, exactly.
//   - DOT: labels (Graphviz escapes \n \l \r \N, HTML labels as their text,
//     the HTML kept in Props["label_html"]), Kind as `shape` (Graphviz shapes)
//     or `kind`, `pos` (points, y up, flipped to y down), other node and
//     cluster attributes as Props. A node without a label shows its name, as
//     in Graphviz. Lost: edge attributes but
//     id/label/kind, xdot drawing attributes, ports, undirectedness (`--`
//     edges run from the first node to the second).
//   - GraphML: label, kind, x, y and ref keys; other node keys as Props
//     (defaults applied); yEd's NodeLabel, Shape type and Geometry centre when
//     no plain key gives them; edge label and kind. Lost: edge attributes
//     beyond those, hyperedges, ports.
//   - Mermaid: structure, labels (<br> as line breaks), shapes as Kind (rect
//     is the empty kind; round, stadium, subroutine, cylinder, circle,
//     doublecircle, asymmetric, rhombus, hexagon, lean-right, lean-left,
//     trapezoid, trapezoid-alt; `id@{ shape: cyl, label: "x" }` maps its
//     shape names to the same kinds or keeps them), links as edge Kind ("" for -->, else dotted,
//     thick, invisible, with -line for no head, -circle/-cross heads, bi- for
//     both ends), the front matter title as the root's name. Lost: positions,
//     Props, graph attributes but rankdir (as the direction), styling.
//   - Markdown: the ```mermaid fenced blocks of a page: the first flowchart,
//     or with [AllBlocks] every one as its own graph of the document.
//   - Cytoscape.js: {elements: {nodes, edges}}, {elements: [...]} or a bare
//     array; data.label (else data.name), kind, parent, ref; other data as
//     Props (non-strings as JSON); position. A group with no members is kept
//     with data.compound = true.
//
// Errors wrap [ErrSyntax] (naming the line for DOT and Mermaid, the element
// and line/offset for GraphML, the offset for JSON, the element index for
// Cytoscape), [ErrUnsupported] or [ErrInvalid], so callers test them with
// errors.Is.
package codec
