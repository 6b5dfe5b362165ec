package change

import "github.com/cimviz/cimviz/graph"

// Event is a fact about one graph, named in the past tense. EventType is the
// stable name used on the wire (the last token of
// cim.graph.evt.<graph>.<type>). Events carry no graph ID beyond the ones
// that create a graph: the envelope's aggregate ID says which graph.
type Event interface {
	EventType() string
}

// Event type names.
const (
	TypeGraphCreated     = "graph_created"
	TypeGraphRenamed     = "graph_renamed"
	TypeGraphArchived    = "graph_archived"
	TypeGraphUnarchived  = "graph_unarchived"
	TypeGraphImported    = "graph_imported"
	TypeNodeAdded        = "node_added"
	TypeNodeUpdated      = "node_updated"
	TypeNodeMoved        = "node_moved"
	TypeNodeRemoved      = "node_removed"
	TypeEdgeAdded        = "edge_added"
	TypeEdgesRemoved     = "edges_removed"
	TypeElementsRestored = "elements_restored"
	TypeSubgraphLinked   = "subgraph_linked"
	TypeSubgraphUnlinked = "subgraph_unlinked"
	TypeLayoutApplied    = "layout_applied"
)

// GraphCreated: an empty graph came to be.
type GraphCreated struct {
	Graph string `json:"graph"`
	Name  string `json:"name,omitempty"`
}

// GraphRenamed: the graph's display name changed.
type GraphRenamed struct {
	Name string `json:"name"`
}

// GraphArchived: the graph is frozen.
type GraphArchived struct{}

// GraphUnarchived: the graph is editable again.
type GraphUnarchived struct{}

// GraphImported: a graph was created with its content (import_graph), or
// an existing graph's whole content was replaced (replace_graph).
type GraphImported struct {
	Graph string       `json:"graph"`
	Name  string       `json:"name,omitempty"`
	Nodes []graph.Node `json:"nodes"`
	Edges []graph.Edge `json:"edges"`
	// Attrs are the graph's file-format attributes (graph.Graph.Attrs).
	Attrs map[string]string `json:"attrs,omitempty"`
}

// NodeAdded: a node was appended.
type NodeAdded struct {
	Node graph.Node `json:"node"`
}

// NodeUpdated: a node's kind, label and properties were replaced.
type NodeUpdated struct {
	Node  string            `json:"node"`
	Kind  string            `json:"kind,omitempty"`
	Label string            `json:"label,omitempty"`
	Props map[string]string `json:"props,omitempty"`
}

// NodeMoved: a node has a new position.
type NodeMoved struct {
	Node string      `json:"node"`
	Pos  graph.Point `json:"pos"`
}

// NodeRemoved: a node was removed. Its edges were removed by an
// EdgesRemoved event earlier in the same append.
type NodeRemoved struct {
	Node string `json:"node"`
}

// EdgeAdded: an edge was appended.
type EdgeAdded struct {
	Edge graph.Edge `json:"edge"`
}

// EdgesRemoved: edges were removed.
type EdgesRemoved struct {
	Edges []string `json:"edges"`
}

// ElementsRestored: removed nodes and edges were put back at their indexes.
type ElementsRestored struct {
	Nodes []PlacedNode `json:"nodes,omitempty"`
	Edges []PlacedEdge `json:"edges,omitempty"`
}

// SubgraphLinked: a node now stands for the graph Ref.
type SubgraphLinked struct {
	Node string `json:"node"`
	Ref  string `json:"ref"`
}

// SubgraphUnlinked: a node no longer stands for a graph.
type SubgraphUnlinked struct {
	Node string `json:"node"`
}

// LayoutApplied: many nodes moved at once.
type LayoutApplied struct {
	Positions map[string]graph.Point `json:"positions"`
}

func (GraphCreated) EventType() string     { return TypeGraphCreated }
func (GraphRenamed) EventType() string     { return TypeGraphRenamed }
func (GraphArchived) EventType() string    { return TypeGraphArchived }
func (GraphUnarchived) EventType() string  { return TypeGraphUnarchived }
func (GraphImported) EventType() string    { return TypeGraphImported }
func (NodeAdded) EventType() string        { return TypeNodeAdded }
func (NodeUpdated) EventType() string      { return TypeNodeUpdated }
func (NodeMoved) EventType() string        { return TypeNodeMoved }
func (NodeRemoved) EventType() string      { return TypeNodeRemoved }
func (EdgeAdded) EventType() string        { return TypeEdgeAdded }
func (EdgesRemoved) EventType() string     { return TypeEdgesRemoved }
func (ElementsRestored) EventType() string { return TypeElementsRestored }
func (SubgraphLinked) EventType() string   { return TypeSubgraphLinked }
func (SubgraphUnlinked) EventType() string { return TypeSubgraphUnlinked }
func (LayoutApplied) EventType() string    { return TypeLayoutApplied }
