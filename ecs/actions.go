package ecs

import "fmt"

// defaultHandlers binds action names to what they do.
func defaultHandlers() map[string]func(*Editor) {
	return map[string]func(*Editor){
		"edit.undo":           (*Editor).undo,
		"edit.redo":           (*Editor).redo,
		"edit.delete":         (*Editor).deleteSelection,
		"edit.copy":           (*Editor).copySelection,
		"edit.cut":            (*Editor).cutSelection,
		"edit.paste":          (*Editor).pasteAtCursor,
		"edit.duplicate":      (*Editor).duplicate,
		"edit.rename":         (*Editor).renameSelected,
		"edit.add_node":       func(ed *Editor) { ed.AddNodeAt("node", ed.s.input.Mouse()) },
		"edit.select_all":     func(ed *Editor) { ed.s.selectAll() },
		"edit.cancel":         (*Editor).cancel,
		"nav.open":            (*Editor).openSelected,
		"nav.back":            (*Editor).Back,
		"view.fit_all":        (*Editor).fitAll,
		"view.fit_selection":  (*Editor).fitSelection,
		"view.reset":          func(ed *Editor) { ed.s.cam.Reset(); ed.s.touchView() },
		"view.zoom_in":        func(ed *Editor) { ed.zoomCentre(WheelStep) },
		"view.zoom_out":       func(ed *Editor) { ed.zoomCentre(1 / WheelStep) },
		"view.toggle_grid":    func(ed *Editor) { ed.s.grid.Show = !ed.s.grid.Show; ed.s.touchView() },
		"view.toggle_snap":    (*Editor).toggleSnap,
		"view.collapse":       func(ed *Editor) { ed.s.collapse() },
		"view.expand":         func(ed *Editor) { ed.s.expand() },
		"layout.auto":         (*Editor).autoLayout,
		"layout.align_left":   func(ed *Editor) { ed.align(AlignLeft) },
		"layout.align_center": func(ed *Editor) { ed.align(AlignCenter) },
		"layout.align_right":  func(ed *Editor) { ed.align(AlignRight) },
		"layout.align_top":    func(ed *Editor) { ed.align(AlignTop) },
		"layout.align_middle": func(ed *Editor) { ed.align(AlignMiddle) },
		"layout.align_bottom": func(ed *Editor) { ed.align(AlignBottom) },
		"layout.distribute_h": func(ed *Editor) { ed.distribute(true) },
		"layout.distribute_v": func(ed *Editor) { ed.distribute(false) },
		"find.open":           (*Editor).openFind,
		"find.next":           func(ed *Editor) { ed.stepMatch(1) },
		"find.prev":           func(ed *Editor) { ed.stepMatch(-1) },
		"help.toggle":         func(ed *Editor) { ed.s.ui.Help = !ed.s.ui.Help; ed.s.touch() },
		"palette.open":        (*Editor).openPalette,
	}
}

// Run performs a named action (the keymap, the palette and render's menus
// all come here). It reports whether the name is known.
func (ed *Editor) Run(name string) bool {
	h, ok := ed.handlers[name]
	if !ok {
		ed.s.setStatus(fmt.Sprintf("unknown action %q", name), true)
		return false
	}
	h(ed)
	return true
}

// cancel stops a drag, closes the help, or clears the selection.
func (ed *Editor) cancel() {
	switch {
	case ed.s.ptr.Mode == ModeDrag:
		ed.cancelDrag()
	case ed.s.ui.Help:
		ed.s.ui.Help = false
	default:
		ed.s.clearSelection()
	}
	ed.s.touch()
}

func (ed *Editor) toggleSnap() {
	ed.s.grid.Snap = !ed.s.grid.Snap
	ed.s.setStatus(fmt.Sprintf("snap to grid: %v", ed.s.grid.Snap), false)
}

// renameSelected edits the label of the one selected node.
func (ed *Editor) renameSelected() {
	if sel := ed.s.selectedEntities(); len(sel) == 1 {
		ed.startEdit(sel[0])
	}
}

// openSelected opens the selected node's subgraph, or renames it.
func (ed *Editor) openSelected() {
	sel := ed.s.selectedEntities()
	if len(sel) != 1 {
		return
	}
	if ed.s.m.ref.Has(sel[0]) {
		ed.openNode(sel[0])
		return
	}
	ed.startEdit(sel[0])
}
