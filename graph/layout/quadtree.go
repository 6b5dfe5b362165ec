package layout

import "math"

// maxDepth bounds the quadtree: bodies that still share a cell this deep
// (coincident nodes) are chained in one leaf instead of splitting forever.
const maxDepth = 40

// qcell is one square of the Barnes-Hut quadtree, kept in a flat slice.
// While building, sx and sy sum the positions below; afterwards they hold
// the centre of mass.
type qcell struct {
	cx, cy, half float64 // centre and half side of the square
	mass         float64 // number of bodies below
	sx, sy       float64
	child        int32 // index of the first of four children; -1 for a leaf
	body         int32 // first body of a leaf; -1 when empty
}

// quadTree reuses its arrays from step to step, so building it allocates
// nothing once they have grown.
type quadTree struct {
	cells []qcell
	next  []int32 // next body in the same leaf (coincident bodies)
	stack []int32
	x, y  []float64
}

func (t *quadTree) build(x, y []float64) {
	t.x, t.y = x, y
	if cap(t.next) < len(x) {
		t.next = make([]int32, len(x))
		t.cells = make([]qcell, 0, 4*len(x)+8)
	}
	t.next = t.next[:len(x)]
	t.cells = append(t.cells[:0], rootCell(x, y))
	for i := range x {
		t.insert(int32(i), x[i], y[i])
	}
	for i := range t.cells {
		if c := &t.cells[i]; c.mass > 0 {
			c.sx, c.sy = c.sx/c.mass, c.sy/c.mass
		}
	}
}

func rootCell(x, y []float64) qcell {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range x {
		minX, maxX = min(minX, x[i]), max(maxX, x[i])
		minY, maxY = min(minY, y[i]), max(maxY, y[i])
	}
	half := max(maxX-minX, maxY-minY)/2*1.001 + 1e-6
	return qcell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, child: -1, body: -1}
}

func (t *quadTree) insert(b int32, px, py float64) {
	i := int32(0)
	for depth := 0; ; depth++ {
		c := &t.cells[i]
		c.mass++
		c.sx += px
		c.sy += py
		switch {
		case c.child >= 0:
			i = c.child + quadrant(c, px, py)
			continue
		case c.body < 0:
			c.body, t.next[b] = b, -1
			return
		case depth >= maxDepth:
			c.body, t.next[b] = b, c.body
			return
		}
		t.split(i)
		i = t.cells[i].child + quadrant(&t.cells[i], px, py)
	}
}

func quadrant(c *qcell, px, py float64) int32 {
	q := int32(0)
	if px >= c.cx {
		q |= 1
	}
	if py >= c.cy {
		q |= 2
	}
	return q
}

// split turns leaf i, holding one body, into a parent of four squares and
// moves the body into its square.
func (t *quadTree) split(i int32) {
	first := int32(len(t.cells))
	p := t.cells[i]
	h := p.half / 2
	for q := range 4 {
		cx, cy := p.cx-h, p.cy-h
		if q&1 != 0 {
			cx = p.cx + h
		}
		if q&2 != 0 {
			cy = p.cy + h
		}
		t.cells = append(t.cells, qcell{cx: cx, cy: cy, half: h, child: -1, body: -1})
	}
	old := p.body
	t.cells[i].child, t.cells[i].body = first, -1
	ox, oy := t.x[old], t.y[old]
	c := &t.cells[first+quadrant(&t.cells[i], ox, oy)]
	c.body, c.mass, c.sx, c.sy = old, 1, ox, oy
}

// repulse returns the repulsion on body i from all others: k2*m/d along
// the line between them, with far squares taken as one body when their
// side is under theta times their distance.
func (t *quadTree) repulse(i int32, k2, theta2 float64) (fx, fy float64) {
	px, py := t.x[i], t.y[i]
	stack := append(t.stack[:0], 0)
	for len(stack) > 0 {
		c := &t.cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.child < 0 {
			for b := c.body; b >= 0; b = t.next[b] {
				if b != i {
					ax, ay := pairForce(i, b, px-t.x[b], py-t.y[b], k2)
					fx, fy = fx+ax, fy+ay
				}
			}
			continue
		}
		dx, dy := px-c.sx, py-c.sy
		d2 := dx*dx + dy*dy
		if w := 2 * c.half; w*w < theta2*d2 && d2 > 1e-9 {
			f := k2 * c.mass / d2
			fx, fy = fx+dx*f, fy+dy*f
			continue
		}
		stack = append(stack, c.child, c.child+1, c.child+2, c.child+3)
	}
	t.stack = stack
	return fx, fy
}

// pairForce is the exact repulsion between bodies i and b. Coincident
// bodies push each other apart along x, the lower index to the left, so
// that they separate the same way every run.
func pairForce(i, b int32, dx, dy, k2 float64) (float64, float64) {
	d2 := dx*dx + dy*dy
	if d2 < 1e-12 {
		dx, dy, d2 = 1e-3, 0, 1e-6
		if i < b {
			dx = -dx
		}
	}
	f := k2 / d2
	return dx * f, dy * f
}
