package canvas

import (
	"bufio"
	"fmt"
	"html"
	"io"
)

// WriteSVG writes the scene as a standalone SVG document in world units:
// every node with its shape and label, every edge with its arrowhead and
// label. It draws the whole scene, not only the visible part, so it also
// exports whole graphs.
func WriteSVG(w io.Writer, s *Scene) error {
	bw := bufio.NewWriter(w)
	x0, y0, x1, y1 := sceneBounds(s)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="%.1f %.1f %.1f %.1f" font-family="Go, sans-serif">`+"\n",
		x0, y0, x1-x0, y1-y0)
	fmt.Fprintf(bw, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x0, y0, x1-x0, y1-y0, css(colBackground))
	for i := range s.Edges {
		svgEdge(bw, &s.Edges[i])
	}
	for i := range s.Nodes {
		svgNode(bw, &s.Nodes[i])
	}
	fmt.Fprintln(bw, "</svg>")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export svg: %w", err)
	}
	return nil
}

func sceneBounds(s *Scene) (x0, y0, x1, y1 float32) {
	if len(s.Nodes) == 0 {
		return 0, 0, 100, 100
	}
	x0, y0, x1, y1 = s.Nodes[0].X, s.Nodes[0].Y, s.Nodes[0].X, s.Nodes[0].Y
	for _, n := range s.Nodes {
		x0, y0 = min(x0, n.X-n.W/2), min(y0, n.Y-n.H)
		x1, y1 = max(x1, n.X+n.W/2), max(y1, n.Y+n.H)
	}
	return x0 - 60, y0 - 60, x1 + 60, y1 + 60
}

func css(c Color) string {
	return fmt.Sprintf("#%02x%02x%02x", int(c.R*255+0.5), int(c.G*255+0.5), int(c.B*255+0.5))
}

func svgNode(w io.Writer, n *NodeView) {
	hw, hh := extent(n)
	pts := outline(nil, n.Shape, Vec{n.X, n.Y}, hw, hh, min(10, hh*0.6))
	fmt.Fprintf(w, `<polygon points="`)
	for _, p := range pts {
		fmt.Fprintf(w, "%.1f,%.1f ", p.X, p.Y)
	}
	fmt.Fprintf(w, `" fill="%s" stroke="%s" stroke-width="1.6"/>`+"\n", css(bodyOf(n.Shape)), css(accent[n.Shape]))
	if n.Label == "" {
		return
	}
	ty := n.Y + 4.5
	if n.Shape == ShapeCircle || n.Shape == ShapeDoubleCircle || n.Shape == ShapeBar {
		ty = n.Y + hh + 17
	}
	fmt.Fprintf(w, `<text x="%.1f" y="%.1f" font-size="13" text-anchor="middle" stroke="none" fill="%s">%s</text>`+"\n",
		n.X, ty, css(colText), html.EscapeString(n.Label))
}

func svgEdge(w io.Writer, e *EdgeView) {
	pa, pb := Vec{e.A.X, e.A.Y}, Vec{e.B.X, e.B.Y}
	if e.A == e.B {
		a, b := Vec{pa.X + e.A.HW*0.35, pa.Y - e.A.HH}, Vec{pa.X - e.A.HW*0.35, pa.Y - e.A.HH}
		fmt.Fprintf(w, `<path d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="none" stroke="%s" stroke-width="1.5"/>`+"\n",
			a.X, a.Y, a.X+24, a.Y-40, b.X-24, b.Y-40, b.X, b.Y-8, css(colEdge))
		svgArrow(w, Vec{b.X, b.Y - 10}, b)
		return
	}
	ctrl := pa.Add(pb).Mul(0.5).Add(pb.Sub(pa).Perp().Mul(e.Bend))
	a, b := clipTo(&e.A, pa, ctrl, 1, 0), clipTo(&e.B, pb, ctrl, 1, 2)
	tip := b.Sub(ctrl).Norm()
	if e.Bend == 0 {
		tip = b.Sub(a).Norm()
	}
	stem := b.Sub(tip.Mul(8))
	fmt.Fprintf(w, `<path d="M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f" fill="none" stroke="%s" stroke-width="1.5"/>`+"\n",
		a.X, a.Y, ctrl.X, ctrl.Y, stem.X, stem.Y, css(colEdge))
	svgArrow(w, b.Sub(tip), b)
	if e.Label != "" {
		svgEdgeLabel(w, a.Mul(0.25).Add(ctrl.Mul(0.5)).Add(b.Mul(0.25)), e.Label)
	}
}

// svgArrow writes the same notched arrowhead the canvas draws.
func svgArrow(w io.Writer, from, tip Vec) {
	const size = 10
	d := tip.Sub(from).Norm()
	back, side, notch := tip.Sub(d.Mul(size)), d.Perp().Mul(size*0.45), tip.Sub(d.Mul(size*0.75))
	l, r := back.Add(side), back.Sub(side)
	fmt.Fprintf(w, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`+"\n",
		tip.X, tip.Y, l.X, l.Y, notch.X, notch.Y, r.X, r.Y, css(colEdge))
}

// svgEdgeLabel writes a label on a background pill, as the canvas does.
func svgEdgeLabel(w io.Writer, m Vec, label string) {
	width := float32(len([]rune(label)))*6.2 + 12
	fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="16" rx="8" stroke="none" fill="%s"/>`+"\n",
		m.X-width/2, m.Y-8, width, css(colBackground))
	fmt.Fprintf(w, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle" stroke="none" fill="%s">%s</text>`+"\n",
		m.X, m.Y+4, css(colTextDim), html.EscapeString(label))
}
