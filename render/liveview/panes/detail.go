package panes

import (
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/render/canvas"
)

// detail draws the selected entry: what it is, its identity, its
// headers and its body, wrapped to the panel and cut at its bottom.
func (lp *LogPanel) detail(p painter, r canvas.Rect) {
	p.rect(r, colOpaque)
	p.rect(canvas.Rect{X: r.X, Y: r.Y, W: r.W, H: 1}, colPanelEdge)
	e := &lp.sel
	w := r.W - 2*pad
	y := r.Y + 8
	x := p.textIn(titleOf(e), r.X+pad, y, w, kindColour(e.Kind))
	if e.Sequence > 0 {
		p.text("#"+strconv.FormatUint(e.Sequence, 10), x+8, y, colTextDim)
	}
	y += rowH
	p.textIn(e.Subject, r.X+pad, y, w, colText)
	y += rowH + 2
	lines := detailLines(e)
	bottom := r.Y + r.H - rowH
	for _, l := range lines {
		for _, part := range p.wrap(l.value, w-l.indent(p)) {
			if y > bottom {
				return
			}
			if l.key != "" {
				p.text(l.key, r.X+pad, y, colTextDim)
			}
			p.text(part, r.X+pad+l.indent(p), y, l.colour)
			y += rowH - 2
		}
	}
}

func titleOf(e *eventlog.Entry) string {
	if e.Type != "" {
		return e.Kind + " " + e.Type
	}
	return e.Kind
}

// detailLine is a key and its value (the key is drawn on the value's
// first line only, its width indents the rest).
type detailLine struct {
	key, value string
	colour     canvas.Color
}

func (l detailLine) indent(p painter) float32 {
	if l.key == "" {
		return 0
	}
	return p.width(l.key) + 6
}

// detailLines: the body first (what happened), then every header.
func detailLines(e *eventlog.Entry) []detailLine {
	var out []detailLine
	body := strings.TrimSpace(string(e.Body))
	if e.Truncated {
		body += " … (cut)"
	}
	for _, l := range strings.Split(body, "\n") {
		if l != "" {
			out = append(out, detailLine{"", l, colBody})
		}
	}
	for _, h := range e.Headers {
		out = append(out, detailLine{h.Key, h.Value, colText})
	}
	return out
}

// wrap cuts s into lines that fit maxW (at least one, possibly empty).
func (p painter) wrap(s string, maxW float32) []string {
	var out []string
	for {
		head, rest := p.cut(s, maxW)
		out = append(out, head)
		if rest == "" || head == "" {
			return out
		}
		s = rest
	}
}
