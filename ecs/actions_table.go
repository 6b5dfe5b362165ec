package ecs

import "strings"

// actionRows is the default keymap: name, chords (comma separated),
// category, description.
var actionRows = [][4]string{
	{"edit.undo", "ctrl+z", "Edit", "Undo your last change"},
	{"edit.redo", "ctrl+y, ctrl+shift+z", "Edit", "Redo the change you undid"},
	{"edit.delete", "delete", "Edit", "Delete the selected nodes"},
	{"edit.copy", "ctrl+c", "Edit", "Copy the selection as graph JSON"},
	{"edit.cut", "ctrl+x", "Edit", "Cut the selection"},
	{"edit.paste", "ctrl+v", "Edit", "Paste nodes at the cursor"},
	{"edit.duplicate", "ctrl+d", "Edit", "Duplicate the selection"},
	{"edit.rename", "f2", "Edit", "Edit the selected node's label"},
	{"edit.add_node", "n", "Edit", "Add a node at the cursor"},
	{"edit.select_all", "ctrl+a", "Selection", "Select every node"},
	{"edit.cancel", "escape", "Selection", "Clear the selection, close overlays"},
	{"nav.open", "enter", "Navigate", "Open the selected node's subgraph (or rename it)"},
	{"nav.back", "backspace, alt+up", "Navigate", "Go back to the enclosing graph"},
	{"view.fit_all", "f", "View", "Fit all nodes in the window"},
	{"view.fit_selection", "shift+f", "View", "Fit the selection in the window"},
	{"view.reset", "ctrl+0", "View", "Reset zoom and pan"},
	{"view.zoom_in", "ctrl+=, +", "View", "Zoom in"},
	{"view.zoom_out", "ctrl+-, -", "View", "Zoom out"},
	{"view.toggle_grid", "g", "View", "Show or hide the grid"},
	{"view.toggle_snap", "shift+g", "View", "Snap to the grid on or off"},
	{"view.collapse", "ctrl+g", "View", "Collapse the selection into one box"},
	{"view.expand", "ctrl+shift+g", "View", "Expand the selected collapsed box"},
	{"layout.auto", "ctrl+l", "Layout", "Auto-layout the selection, or everything"},
	{"layout.align_left", "ctrl+alt+left", "Layout", "Align selected left edges"},
	{"layout.align_center", "ctrl+alt+c", "Layout", "Align selected centres horizontally"},
	{"layout.align_right", "ctrl+alt+right", "Layout", "Align selected right edges"},
	{"layout.align_top", "ctrl+alt+up", "Layout", "Align selected top edges"},
	{"layout.align_middle", "ctrl+alt+m", "Layout", "Align selected centres vertically"},
	{"layout.align_bottom", "ctrl+alt+down", "Layout", "Align selected bottom edges"},
	{"layout.distribute_h", "ctrl+alt+h", "Layout", "Space the selection evenly across"},
	{"layout.distribute_v", "ctrl+alt+v", "Layout", "Space the selection evenly down"},
	{"find.open", "ctrl+f", "Find", "Find nodes by label or kind"},
	{"find.next", "f3", "Find", "Jump to the next match"},
	{"find.prev", "shift+f3", "Find", "Jump to the previous match"},
	{"help.toggle", "?", "Help", "Show or hide this help"},
	{"palette.open", "ctrl+shift+p", "Help", "Search and run any action"},
}

// DefaultKeymap returns the built-in action table.
func DefaultKeymap() Keymap {
	km := make(Keymap, 0, len(actionRows))
	for _, r := range actionRows {
		a := Action{Name: r[0], Category: r[2], Desc: r[3]}
		for _, s := range strings.Split(r[1], ",") {
			if c, err := ParseChord(s); err == nil {
				a.Chords = append(a.Chords, c)
			}
		}
		km = append(km, a)
	}
	return km
}
