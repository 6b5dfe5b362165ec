package ecs

import (
	"fmt"
	"strings"

	arche "github.com/mlange-42/arche/ecs"
)

// FindNodes returns the IDs of the nodes of the open graph whose label or
// kind holds query (case-insensitive), in graph order. An empty query
// matches nothing.
func (ed *Editor) FindNodes(query string) []string {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var out []string
	for _, n := range ed.s.doc.Graph.Nodes {
		if strings.Contains(strings.ToLower(n.Label), q) || strings.Contains(strings.ToLower(n.Kind), q) {
			out = append(out, n.ID)
		}
	}
	return out
}

// setFindQuery updates the query, the Match marks, and jumps to the first.
func (ed *Editor) setFindQuery(q string) {
	f := &ed.s.ui.Find
	f.Query, f.Current = q, 0
	f.Matches = ed.FindNodes(q)
	ed.world.Batch().Remove(arche.All(ed.s.m.match.ID()), ed.s.m.match.ID())
	for i, id := range f.Matches {
		if e, ok := ed.s.lookup.Nodes[id]; ok {
			put(&ed.world, &ed.s.m.match, e, Match{Index: i})
		}
	}
	ed.jumpToMatch()
}

// stepMatch moves to the next (+1) or previous (-1) match, wrapping.
func (ed *Editor) stepMatch(d int) {
	f := &ed.s.ui.Find
	if len(f.Matches) == 0 {
		ed.s.setStatus("no matches", false)
		return
	}
	f.Current = ((f.Current+d)%len(f.Matches) + len(f.Matches)) % len(f.Matches)
	ed.jumpToMatch()
}

// jumpToMatch centres the camera on the current match.
func (ed *Editor) jumpToMatch() {
	id := ed.currentMatch()
	if e, ok := ed.s.lookup.Nodes[id]; ok {
		ed.s.cam.Center = ed.s.displayPos(e)
		f := ed.s.ui.Find
		ed.s.setStatus(fmt.Sprintf("match %d of %d", f.Current+1, len(f.Matches)), false)
	}
	ed.s.touch()
}

func (ed *Editor) currentMatch() string {
	f := ed.s.ui.Find
	if f.Current < 0 || f.Current >= len(f.Matches) {
		return ""
	}
	return f.Matches[f.Current]
}

// closeFind hides the find bar and clears the marks.
func (ed *Editor) closeFind() {
	ed.s.ui.Find = FindBar{}
	ed.world.Batch().Remove(arche.All(ed.s.m.match.ID()), ed.s.m.match.ID())
	ed.s.touch()
}
