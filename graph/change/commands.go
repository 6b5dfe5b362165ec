package change

import "github.com/cimviz/cimviz/graph"

// Command is one change a client asks of one graph. Every command names
// its graph (the aggregate) with Graph; CommandType is the stable name used
// on the wire (the last token of cim.graph.cmd.<type>).
type Command interface {
	CommandType() string
	Target() string
}

// Command type names.
const (
	TypeCreateGraph     = "create_graph"
	TypeRenameGraph     = "rename_graph"
	TypeArchiveGraph    = "archive_graph"
	TypeUnarchiveGraph  = "unarchive_graph"
	TypeImportGraph     = "import_graph"
	TypeReplaceGraph    = "replace_graph"
	TypeAddNode         = "add_node"
	TypeUpdateNode      = "update_node"
	TypeMoveNode        = "move_node"
	TypeRemoveNode      = "remove_node"
	TypeAddEdge         = "add_edge"
	TypeRemoveEdge      = "remove_edge"
	TypeRestoreElements = "restore_elements"
	TypeLinkSubgraph    = "link_subgraph"
	TypeUnlinkSubgraph  = "unlink_subgraph"
	TypeApplyLayout     = "apply_layout"
)

// CreateGraph makes a new, empty graph. Graph must be a valid NATS subject
// token (no dots, wildcards or spaces).
type CreateGraph struct {
	Graph string `json:"graph"`
	Name  string `json:"name,omitempty"`
}

// RenameGraph sets a graph's display name.
type RenameGraph struct {
	Graph string `json:"graph"`
	Name  string `json:"name"`
}

// ArchiveGraph freezes a graph: further edits are refused with ErrArchived
// until it is unarchived. Events are never deleted.
type ArchiveGraph struct {
	Graph string `json:"graph"`
}

// UnarchiveGraph makes an archived graph editable again.
type UnarchiveGraph struct {
	Graph string `json:"graph"`
}

// ImportGraph creates a graph with its whole content (name, nodes, edges)
// in one event. It is how files are imported.
type ImportGraph struct {
	Graph string       `json:"graph"`
	Name  string       `json:"name,omitempty"`
	Nodes []graph.Node `json:"nodes"`
	Edges []graph.Edge `json:"edges"`
	// Attrs are the graph's file-format attributes (graph.Graph.Attrs).
	Attrs map[string]string `json:"attrs,omitempty"`
}

// ReplaceGraph replaces an existing graph's whole content in one event. It
// is how an import over a graph, or a replacement, is undone.
type ReplaceGraph struct {
	Graph string       `json:"graph"`
	Name  string       `json:"name,omitempty"`
	Nodes []graph.Node `json:"nodes"`
	Edges []graph.Edge `json:"edges"`
	// Attrs are the graph's file-format attributes (graph.Graph.Attrs).
	Attrs map[string]string `json:"attrs,omitempty"`
}

// AddNode appends a node. A Ref on the node must name a known graph.
type AddNode struct {
	Graph string     `json:"graph"`
	Node  graph.Node `json:"node"`
}

// UpdateNode replaces a node's kind, label and properties. Its position
// and subgraph link are changed by MoveNode and LinkSubgraph.
type UpdateNode struct {
	Graph string            `json:"graph"`
	Node  string            `json:"node"`
	Kind  string            `json:"kind,omitempty"`
	Label string            `json:"label,omitempty"`
	Props map[string]string `json:"props,omitempty"`
}

// MoveNode sets a node's position (sent once, when a drag ends).
type MoveNode struct {
	Graph string      `json:"graph"`
	Node  string      `json:"node"`
	Pos   graph.Point `json:"pos"`
}

// RemoveNode removes a node and every edge touching it, in one append.
type RemoveNode struct {
	Graph string `json:"graph"`
	Node  string `json:"node"`
}

// AddEdge appends an edge between two existing nodes.
type AddEdge struct {
	Graph string     `json:"graph"`
	Edge  graph.Edge `json:"edge"`
}

// RemoveEdge removes one edge.
type RemoveEdge struct {
	Graph string `json:"graph"`
	Edge  string `json:"edge"`
}

// PlacedNode is a node with the index it should take in the node order.
type PlacedNode struct {
	Node graph.Node `json:"node"`
	At   int        `json:"at"`
}

// PlacedEdge is an edge with the index it should take in the edge order.
type PlacedEdge struct {
	Edge graph.Edge `json:"edge"`
	At   int        `json:"at"`
}

// RestoreElements puts removed nodes and edges back where they were (an
// index past the end appends). It is the inverse of RemoveNode and
// RemoveEdge, so undo restores the exact order.
type RestoreElements struct {
	Graph string       `json:"graph"`
	Nodes []PlacedNode `json:"nodes,omitempty"`
	Edges []PlacedEdge `json:"edges,omitempty"`
}

// LinkSubgraph makes a node stand for another graph (or its own graph).
type LinkSubgraph struct {
	Graph string `json:"graph"`
	Node  string `json:"node"`
	Ref   string `json:"ref"`
}

// UnlinkSubgraph clears a node's subgraph link.
type UnlinkSubgraph struct {
	Graph string `json:"graph"`
	Node  string `json:"node"`
}

// ApplyLayout moves many nodes at once (the result of a layout algorithm).
type ApplyLayout struct {
	Graph     string                 `json:"graph"`
	Positions map[string]graph.Point `json:"positions"`
}

func (CreateGraph) CommandType() string     { return TypeCreateGraph }
func (RenameGraph) CommandType() string     { return TypeRenameGraph }
func (ArchiveGraph) CommandType() string    { return TypeArchiveGraph }
func (UnarchiveGraph) CommandType() string  { return TypeUnarchiveGraph }
func (ImportGraph) CommandType() string     { return TypeImportGraph }
func (ReplaceGraph) CommandType() string    { return TypeReplaceGraph }
func (AddNode) CommandType() string         { return TypeAddNode }
func (UpdateNode) CommandType() string      { return TypeUpdateNode }
func (MoveNode) CommandType() string        { return TypeMoveNode }
func (RemoveNode) CommandType() string      { return TypeRemoveNode }
func (AddEdge) CommandType() string         { return TypeAddEdge }
func (RemoveEdge) CommandType() string      { return TypeRemoveEdge }
func (RestoreElements) CommandType() string { return TypeRestoreElements }
func (LinkSubgraph) CommandType() string    { return TypeLinkSubgraph }
func (UnlinkSubgraph) CommandType() string  { return TypeUnlinkSubgraph }
func (ApplyLayout) CommandType() string     { return TypeApplyLayout }

func (c CreateGraph) Target() string     { return c.Graph }
func (c RenameGraph) Target() string     { return c.Graph }
func (c ArchiveGraph) Target() string    { return c.Graph }
func (c UnarchiveGraph) Target() string  { return c.Graph }
func (c ImportGraph) Target() string     { return c.Graph }
func (c ReplaceGraph) Target() string    { return c.Graph }
func (c AddNode) Target() string         { return c.Graph }
func (c UpdateNode) Target() string      { return c.Graph }
func (c MoveNode) Target() string        { return c.Graph }
func (c RemoveNode) Target() string      { return c.Graph }
func (c AddEdge) Target() string         { return c.Graph }
func (c RemoveEdge) Target() string      { return c.Graph }
func (c RestoreElements) Target() string { return c.Graph }
func (c LinkSubgraph) Target() string    { return c.Graph }
func (c UnlinkSubgraph) Target() string  { return c.Graph }
func (c ApplyLayout) Target() string     { return c.Graph }
