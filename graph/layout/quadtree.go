package layout

import "math"

// maxDepth bounds the quadtree: bodies that still share a cell this deep
// (coincident nodes) are chained in one leaf instead of splitting forever.
const maxDepth = 40

// qcell is one square of the Barnes-Hut quadtree, kept in a flat slice and
// holding only what the force pass reads. While building, x and y sum the
// positions below; afterwards they hold the centre of mass.
type qcell struct {
	x, y  float64
	mass  float64 // number of bodies below
	open2 float64 // squared distance under which the square must be opened
	child int32   // index of the first of four children; -1 for a leaf
	body  int32   // first body of a leaf; -1 when empty
}

// qbox is a cell's square and where its bodies start in the tree order.
type qbox struct {
	cx, cy, half float64
	first        int32
}

// quadTree reuses its arrays from step to step, so building it allocates
// nothing once they have grown.
type quadTree struct {
	cells  []qcell
	boxes  []qbox
	next   []int32 // next body in the same leaf (coincident bodies)
	order  []int32 // bodies in tree order: every cell's bodies are contiguous
	stack  []int32
	groups []int32   // squares whose bodies share one walk
	far    []farCell // squares acting on the current group as one body
	near   []int32   // bodies acting on the current group one by one
	x, y   []float64
}

// farCell is a square taken as one body.
type farCell struct{ x, y, mass float64 }

func (t *quadTree) build(x, y []float64, theta float64) {
	t.x, t.y = x, y
	if cap(t.next) < len(x) {
		t.next = make([]int32, len(x))
		t.order = make([]int32, 0, len(x))
		t.cells = make([]qcell, 0, 3*len(x)+8)
		t.boxes = make([]qbox, 0, 3*len(x)+8)
		t.groups = make([]int32, 0, len(x)/4+8)
		t.far, t.near = make([]farCell, 0, 2048), make([]int32, 0, 2048)
	}
	t.next = t.next[:len(x)]
	t.cells = append(t.cells[:0], qcell{child: -1, body: -1})
	t.boxes = append(t.boxes[:0], rootBox(x, y))
	if len(t.order) == len(x) {
		// Last step's tree order: neighbours follow each other, so the
		// path from the root is mostly in cache.
		for _, i := range t.order {
			t.insert(i, x[i], y[i])
		}
	} else {
		for i := range x {
			t.insert(int32(i), x[i], y[i])
		}
	}
	t.finish(theta)
}

func rootBox(x, y []float64) qbox {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range x {
		minX, maxX = min(minX, x[i]), max(maxX, x[i])
		minY, maxY = min(minY, y[i]), max(maxY, y[i])
	}
	half := max(maxX-minX, maxY-minY)/2*1.001 + 1e-6
	return qbox{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half}
}

// finish turns position sums into centres of mass, sets the opening
// distances and lists the bodies in tree order.
func (t *quadTree) finish(theta float64) {
	for i := range t.cells {
		c := &t.cells[i]
		if c.mass > 0 {
			c.x, c.y = c.x/c.mass, c.y/c.mass
		}
		side := 2 * t.boxes[i].half
		c.open2 = math.Inf(1)
		if theta > 0 {
			c.open2 = side * side / (theta * theta)
		}
	}
	t.order = t.order[:0]
	stack := append(t.stack[:0], 0)
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		c := t.cells[top]
		stack = stack[:len(stack)-1]
		t.boxes[top].first = int32(len(t.order))
		if c.child >= 0 {
			stack = append(stack, c.child+3, c.child+2, c.child+1, c.child)
		}
		for b := c.body; b >= 0; b = t.next[b] {
			t.order = append(t.order, b)
		}
	}
	t.stack = stack
}

func (t *quadTree) insert(b int32, px, py float64) {
	i := int32(0)
	for depth := 0; ; depth++ {
		c := &t.cells[i]
		c.mass++
		c.x += px
		c.y += py
		switch {
		case c.child >= 0:
			i = c.child + t.quadrant(i, px, py)
			continue
		case c.body < 0:
			c.body, t.next[b] = b, -1
			return
		case depth >= maxDepth:
			c.body, t.next[b] = b, c.body
			return
		}
		t.split(i)
		i = t.cells[i].child + t.quadrant(i, px, py)
	}
}

func (t *quadTree) quadrant(i int32, px, py float64) int32 {
	q := int32(0)
	if px >= t.boxes[i].cx {
		q |= 1
	}
	if py >= t.boxes[i].cy {
		q |= 2
	}
	return q
}

// split turns leaf i, holding one body, into a parent of four squares and
// moves the body into its square.
func (t *quadTree) split(i int32) {
	first := int32(len(t.cells))
	p := t.boxes[i]
	h := p.half / 2
	for q := range 4 {
		cx, cy := p.cx-h, p.cy-h
		if q&1 != 0 {
			cx = p.cx + h
		}
		if q&2 != 0 {
			cy = p.cy + h
		}
		t.cells = append(t.cells, qcell{child: -1, body: -1})
		t.boxes = append(t.boxes, qbox{cx: cx, cy: cy, half: h})
	}
	old := t.cells[i].body
	t.cells[i].child, t.cells[i].body = first, -1
	ox, oy := t.x[old], t.y[old]
	c := &t.cells[first+t.quadrant(i, ox, oy)]
	c.body, c.mass, c.x, c.y = old, 1, ox, oy
}
