package ecs

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// ErrClipboard is reported when pasted text is not a graph.
var ErrClipboard = errors.New("clipboard holds no graph")

// Clipboard is a resource: the last copied text (graph JSON). Render
// mirrors it to the system clipboard when Rev changes, and hands system
// clipboard text in with [Editor.SetClipboard] before a paste.
type Clipboard struct {
	Text string
	Rev  uint64
}

// SetClipboard replaces the clipboard text (from the system clipboard).
func (ed *Editor) SetClipboard(text string) { ed.clip.Text = text }

// Clipboard returns the clipboard resource.
func (ed *Editor) Clipboard() *Clipboard { return ed.clip }

// selectionGraph is the selected nodes with the edges between them.
func (ed *Editor) selectionGraph() *graph.Graph {
	g := graph.New(ed.s.lookup.Graph, "selection")
	for _, id := range ed.s.selectedIDs() {
		n, _ := ed.s.doc.Graph.Node(id)
		_ = g.AddNode(n)
	}
	for _, e := range ed.s.doc.Graph.Edges {
		if g.HasNode(e.From) && g.HasNode(e.To) {
			_ = g.AddEdge(e)
		}
	}
	return g
}

func (ed *Editor) copySelection() {
	g := ed.selectionGraph()
	if g.NodeCount() == 0 {
		ed.s.setStatus("nothing selected to copy", false)
		return
	}
	b, err := json.Marshal(g)
	if err != nil {
		ed.s.setStatus(err.Error(), true)
		return
	}
	ed.clip.Text, ed.clip.Rev = string(b), ed.clip.Rev+1
	ed.s.setStatus(fmt.Sprintf("copied %d nodes", g.NodeCount()), false)
}

func (ed *Editor) cutSelection() {
	ed.copySelection()
	ed.deleteSelection()
}

func (ed *Editor) pasteAtCursor() {
	ed.paste(ed.clip.Text, ed.s.grid.SnapPoint(ed.s.cam.ToWorld(ed.s.input.Mouse())))
}

// duplicate pastes a copy of the selection beside it.
func (ed *Editor) duplicate() {
	g := ed.selectionGraph()
	b, err := json.Marshal(g)
	if err != nil || g.NodeCount() == 0 {
		return
	}
	ed.paste(string(b), centre(g.Nodes).Add(graph.Point{X: 40, Y: 40}))
}

// paste adds the graph in text with fresh IDs, centred on at, as one
// undoable step, and selects the new nodes.
func (ed *Editor) paste(text string, at graph.Point) {
	nodes, edges, err := ed.freshCopy(text, at)
	if err != nil {
		ed.s.setStatus(err.Error(), true)
		return
	}
	gid := ed.s.lookup.Graph
	cmds := make([]change.Command, 0, len(nodes)+len(edges))
	for _, n := range nodes {
		cmds = append(cmds, change.AddNode{Graph: gid, Node: n})
	}
	for _, e := range edges {
		cmds = append(cmds, change.AddEdge{Graph: gid, Edge: e})
	}
	if ed.issue(fmt.Sprintf("paste %d nodes", len(nodes)), cmds...) {
		ed.selectWhenAdded(nodes)
	}
}

// freshCopy decodes graph JSON and renames every node and edge.
func (ed *Editor) freshCopy(text string, at graph.Point) ([]graph.Node, []graph.Edge, error) {
	var g graph.Graph
	if err := json.Unmarshal([]byte(text), &g); err != nil || len(g.Nodes) == 0 {
		return nil, nil, ErrClipboard
	}
	shift := at.Sub(centre(g.Nodes))
	ids := map[string]string{}
	var nodes []graph.Node
	for _, n := range g.Nodes {
		if _, dup := ids[n.ID]; dup || n.ID == "" {
			continue
		}
		ids[n.ID] = ed.cfg.newID("n")
		n.ID, n.Pos = ids[n.ID], n.Pos.Add(shift)
		nodes = append(nodes, n)
	}
	var edges []graph.Edge
	for _, e := range g.Edges {
		from, ok1 := ids[e.From]
		to, ok2 := ids[e.To]
		if ok1 && ok2 {
			e.ID, e.From, e.To = ed.cfg.newID("e"), from, to
			edges = append(edges, e)
		}
	}
	return nodes, edges, nil
}

func centre(nodes []graph.Node) graph.Point {
	var b Bounds
	for _, n := range nodes {
		b.Add(Rect{n.Pos, n.Pos})
	}
	return b.R.Center()
}
