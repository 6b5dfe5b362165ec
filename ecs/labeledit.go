package ecs

import (
	"slices"

	"github.com/cimviz/cimviz/graph/change"
	arche "github.com/mlange-42/arche/ecs"
)

// startEdit opens the in-place label editor on a node.
func (ed *Editor) startEdit(e arche.Entity) {
	if !ed.s.m.node.Has(e) || ed.s.m.hidden.Has(e) {
		return
	}
	text := ed.s.m.label.Get(e).Text
	ed.s.ui.Edit = LabelEdit{Active: true, Node: ed.s.m.node.Get(e).ID, Text: text, Orig: text, Fresh: true}
	ed.s.mark(e)
}

// editKeys feeds typed runes and keys to the label editor: Enter commits
// an update_node, Escape cancels, Backspace deletes a rune.
func (ed *Editor) editKeys(in Input) {
	le := &ed.s.ui.Edit
	before := *le
	if le.Fresh && (len(in.Text) > 0 || hasKey(in, KeyBackspace)) {
		le.Text, le.Fresh = "", false
		in.Keys = slices.DeleteFunc(slices.Clone(in.Keys), func(k KeyPress) bool { return k.Key == KeyBackspace })
	}
	le.Text = typeInto(le.Text, in)
	for _, k := range in.Keys {
		switch k.Key {
		case KeyEnter:
			ed.commitEdit()
			return
		case KeyEscape:
			*le = LabelEdit{}
		}
	}
	if *le == before {
		return // no key for the editor this tick: nothing to redraw
	}
	if e, ok := ed.s.lookup.Nodes[before.Node]; ok {
		ed.s.mark(e)
		return
	}
	ed.s.touch()
}

func hasKey(in Input, k Key) bool {
	return slices.ContainsFunc(in.Keys, func(p KeyPress) bool { return p.Key == k })
}

// typeInto appends the typed runes and applies Backspace presses.
func typeInto(s string, in Input) string {
	r := []rune(s)
	for _, k := range in.Keys {
		if k.Key == KeyBackspace && len(r) > 0 {
			r = r[:len(r)-1]
		}
	}
	for _, t := range in.Text {
		if t >= ' ' && t != 0x7f {
			r = append(r, t)
		}
	}
	return string(r)
}

// commitEdit issues update_node when the label changed.
func (ed *Editor) commitEdit() {
	le := ed.s.ui.Edit
	ed.s.ui.Edit = LabelEdit{}
	ed.s.touch()
	n, ok := ed.s.doc.Graph.Node(le.Node)
	if !ok || le.Text == le.Orig {
		return
	}
	ed.issue("rename", change.UpdateNode{Graph: ed.s.lookup.Graph, Node: n.ID,
		Kind: n.Kind, Label: le.Text, Props: n.Props})
}

// overlayKeys gives the keyboard to an open overlay. It reports whether
// one took it (then no action keys run this tick).
func (ed *Editor) overlayKeys(in Input) bool {
	ui := ed.s.ui
	switch {
	case ui.Edit.Active:
		ed.editKeys(in)
	case ui.Palette.Open:
		ed.paletteKeys(in)
	case ui.Find.Open:
		return ed.findKeys(in)
	default:
		return false
	}
	return true
}
