package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// DefaultKind is the kind of a node added without one.
const DefaultKind = "node"

// AddNodeAt issues add_node for a new node of kind at a screen point (the
// palette drops here). It returns the new node's ID.
func (ed *Editor) AddNodeAt(kind string, screen Vec) string {
	if kind == "" {
		kind = DefaultKind
	}
	at := ed.s.grid.SnapPoint(ed.s.cam.ToWorld(screen))
	n := graph.Node{ID: ed.cfg.newID("n"), Kind: kind, Label: kind, Pos: at}
	if !ed.issue("add "+kind, change.AddNode{Graph: ed.s.lookup.Graph, Node: n}) {
		return ""
	}
	return n.ID
}

// deleteSelection removes the selected edges and nodes (a node's edges
// go with it) as one undoable step.
func (ed *Editor) deleteSelection() {
	ids := ed.s.selectedIDs()
	removed := make(map[string]bool, len(ids))
	for _, id := range ids {
		removed[id] = true
	}
	cmds := ed.selectedEdgeCommands(removed)
	for _, id := range ids {
		cmds = append(cmds, change.RemoveNode{Graph: ed.s.lookup.Graph, Node: id})
	}
	ed.issue("delete", cmds...)
}
