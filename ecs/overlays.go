package ecs

// paletteKeys edits the palette query; Up/Down pick, Enter runs, Escape
// closes.
func (ed *Editor) paletteKeys(in Input) {
	p := &ed.s.ui.Palette
	if q := typeInto(p.Query, in); q != p.Query {
		ed.setPaletteQuery(q)
	}
	for _, k := range in.Keys {
		switch k.Key {
		case KeyDown:
			p.Cursor = min(p.Cursor+1, max(len(p.Results)-1, 0))
		case KeyUp:
			p.Cursor = max(p.Cursor-1, 0)
		case KeyEscape:
			*p = Palette{}
		case KeyEnter:
			ed.runPaletteChoice()
			return
		}
	}
	ed.s.touch()
}

func (ed *Editor) setPaletteQuery(q string) {
	p := &ed.s.ui.Palette
	p.Query, p.Cursor = q, 0
	p.Results = SearchActions(ed.cfg.keymap, q)
}

func (ed *Editor) openPalette() {
	ed.s.ui.Palette = Palette{Open: true}
	ed.setPaletteQuery("")
	ed.s.touch()
}

func (ed *Editor) runPaletteChoice() {
	p := ed.s.ui.Palette
	ed.s.ui.Palette = Palette{}
	ed.s.touch()
	if p.Cursor < len(p.Results) {
		ed.Run(p.Results[p.Cursor].Action.Name)
	}
}

// findKeys edits the find query; Enter (Shift+Enter) and F3 (Shift+F3)
// step through matches, Escape closes.
func (ed *Editor) findKeys(in Input) bool {
	f := &ed.s.ui.Find
	if q := typeInto(f.Query, in); q != f.Query {
		ed.setFindQuery(q)
	}
	for _, k := range in.Keys {
		back := k.Mods&ModShift != 0
		switch k.Key {
		case KeyEnter, "f3":
			ed.stepMatch(map[bool]int{false: 1, true: -1}[back])
		case KeyEscape:
			ed.closeFind()
			return true
		}
	}
	ed.s.touch()
	return true
}

func (ed *Editor) openFind() {
	ed.s.ui.Find.Open = true
	ed.s.touch()
}
