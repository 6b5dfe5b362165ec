package canvas

// overlays draws the modal layers: help, command palette, find bar and
// context menu, above every panel.
func (f *Frame) overlays(u *UIView) {
	if u.Help != nil {
		f.help(u)
	}
	if u.Palette.Open {
		f.palette(u)
	}
	if u.Find.Open {
		f.findBar(u)
	}
	if u.Menu.Open {
		f.menu(&u.Menu)
	}
	if u.Drag.Active {
		f.dragGhost(&u.Drag, max(u.Status.Zoom, 0.3))
	}
}

// dragGhost draws the node kind being dragged from the palette under the
// pointer, translucent, at about the size it will have on the canvas.
func (f *Frame) dragGhost(d *DragView, zoom float32) {
	m := &f.Layers[LayerOverlay]
	n := NodeView{W: 110 * zoom, H: 44 * zoom, Shape: ShapeOf(d.Kind)}
	hw, hh := extent(&n)
	c := Vec{d.X, d.Y}
	f.outer = outline(f.outer[:0], n.Shape, c, hw, hh, 10)
	m.Fan(c, f.outer, bodyOf(n.Shape).Fade(0.7))
	f.bandFade(m, n.Shape, c, hw, hh, 10, 0, -1.5, accent[n.Shape], accent[n.Shape])
	w := f.textWidth(d.Kind)
	f.overlayText(d.Kind, d.X-w/2, d.Y-f.G.LineHeight(FaceUI, uiText)/2, colText)
}

// help lists every action by category in two columns over a dim scrim.
func (f *Frame) help(u *UIView) {
	m := &f.Layers[LayerOverlay]
	m.Rect(0, 0, u.W, u.H, colScrim)
	cats := countCategories(u.Help)
	perCol := (len(u.Help) + cats + 1) / 2
	w, h := min(u.W-80, 1000), min(u.H-60, float32(perCol)*21+float32(cats)*3+84)
	r := Rect{(u.W - w) / 2, (u.H - h) / 2, w, h}
	f.panel(m, r, colPanel)
	f.overlayText("Keyboard shortcuts", r.X+24, r.Y+18, colText)
	f.overlayText("press ? or Esc to close", r.X+r.W-24-f.textWidth("press ? or Esc to close"), r.Y+18, colTextDim)
	col := helpColumn{f: f, x: r.X + 24, y: r.Y + 54, top: r.Y + 54, bottom: r.Y + r.H - 16, perCol: perCol, next: r.X + r.W/2 + 12}
	for _, row := range u.Help {
		col.row(row)
	}
}

// helpColumn places help rows, moving to the second column half way.
type helpColumn struct {
	f                       *Frame
	x, y, top, bottom, next float32
	line, perCol            int
	last                    string
}

func (c *helpColumn) row(row HelpRow) {
	if row.Category != c.last {
		c.wrap()
		if c.last != "" && c.y > c.top {
			c.y += 6
		}
		c.put(row.Category, "", colAccent)
		c.last = row.Category
	}
	c.wrap()
	c.put(row.Keys, row.Desc, colText)
}

func (c *helpColumn) wrap() {
	if c.line == c.perCol && c.x != c.next {
		c.x, c.y = c.next, c.top
	}
}

func (c *helpColumn) put(keys, desc string, col Color) {
	if c.y+18 > c.bottom {
		return
	}
	c.f.overlayText(keys, c.x, c.y, col)
	if desc != "" {
		c.f.overlayText(desc, c.x+150, c.y, colTextDim)
	}
	c.y += 21
	c.line++
}

func countCategories(rows []HelpRow) int {
	n, last := 0, ""
	for _, r := range rows {
		if r.Category != last {
			n, last = n+1, r.Category
		}
	}
	return n
}

func (f *Frame) overlayText(s string, x, y float32, col Color) float32 {
	return f.text(LayerOverlayText, s, x, y, col)
}

// palette draws the command palette: a query box and the matching actions.
func (f *Frame) palette(u *UIView) {
	m := &f.Layers[LayerOverlay]
	p := &u.Palette
	n := min(len(p.Items), 12)
	w := min(u.W-40, 620)
	r := Rect{(u.W - w) / 2, TopBarH + 40, w, 56 + float32(n)*rowH}
	f.panel(m, r, colPanel)
	f.overlayField(Rect{r.X + pad, r.Y + pad, r.W - 2*pad, 28}, "> "+p.Query)
	for i := range n {
		it := p.Items[i]
		y := r.Y + 50 + float32(i)*rowH
		if i == p.Cursor {
			m.Rect(r.X+4, y-2, r.W-8, rowH, colAccent.Fade(0.22))
		}
		f.overlayText(it.Desc, r.X+pad+4, y+3, colText)
		f.overlayText(it.Keys, r.X+r.W-pad-f.textWidth(it.Keys), y+3, colTextDim)
	}
}

// overlayField is an input box on the overlay layer with a caret.
func (f *Frame) overlayField(r Rect, value string) {
	m := &f.Layers[LayerOverlay]
	m.Rect(r.X, r.Y, r.W, r.H, colField)
	f.frameRect(m, r.X, r.Y, r.W, r.H, 1, colAccent)
	end := f.overlayText(value, r.X+8, r.Y+(r.H-f.G.LineHeight(FaceUI, uiText))/2, colText)
	m.Rect(end+1, r.Y+6, 1.5, r.H-12, colAccent)
}

// findBar sits at the top right under the top bar.
func (f *Frame) findBar(u *UIView) {
	m := &f.Layers[LayerOverlay]
	fv := &u.Find
	w := float32(340)
	r := Rect{u.W - w - pad, TopBarH + 8, w, 40}
	f.panel(m, r, colPanel)
	f.overlayField(Rect{r.X + 6, r.Y + 6, w - 100, 28}, fv.Query)
	count := "no matches"
	if fv.Count > 0 {
		count = f.memo.get(3, int64(fv.Current)<<32|int64(fv.Count), func() string {
			return itoa(fv.Current+1) + " of " + itoa(fv.Count)
		})
	}
	f.overlayText(count, r.X+w-88, r.Y+12, colTextDim)
}

func (f *Frame) menu(mv *MenuView) {
	m := &f.Layers[LayerOverlay]
	r := MenuRect(mv)
	f.panel(m, r, colPanel)
	for i, it := range mv.Items {
		y := r.Y + 4 + float32(i)*rowH
		if i == mv.Cursor {
			m.Rect(r.X+4, y, r.W-8, rowH, colAccent.Fade(0.22))
		}
		f.overlayText(it, r.X+pad, y+5, colText)
	}
}
