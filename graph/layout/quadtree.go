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

// groupSize is how many bodies at most share one tree walk.
const groupSize = 32

// forces sets the repulsion on every body: k2·m/d along the line between
// two bodies. Bodies are taken in groups (squares of at most groupSize
// bodies) that share one walk of the tree: a square is taken as one body at
// its centre of mass when its side is under theta times its distance from
// the group's whole square, else it is opened; leaves reached are summed
// exactly, body by body.
func (t *quadTree) forces(k2 float64, fx, fy []float64) {
	t.findGroups()
	for _, g := range t.groups {
		t.collect(g)
		box, mass := t.boxes[g], int32(t.cells[g].mass)
		for _, i := range t.order[box.first : box.first+mass] {
			fx[i], fy[i] = t.sum(i, k2)
		}
	}
}

// findGroups lists the highest squares holding at most groupSize bodies.
func (t *quadTree) findGroups() {
	t.groups = t.groups[:0]
	stack := append(t.stack[:0], 0)
	for len(stack) > 0 {
		c := t.cells[stack[len(stack)-1]]
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case c.mass == 0:
		case c.child < 0 || c.mass <= groupSize:
			t.groups = append(t.groups, g)
		default:
			stack = append(stack, c.child, c.child+1, c.child+2, c.child+3)
		}
	}
	t.stack = stack
}

// collect walks the tree for group g, filling far and near.
func (t *quadTree) collect(g int32) {
	box := t.boxes[g]
	t.far, t.near = t.far[:0], t.near[:0]
	cells := t.cells
	stack := append(t.stack[:0], 0)
	for len(stack) > 0 {
		c := &cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.child < 0 {
			for b := c.body; b >= 0; b = t.next[b] {
				t.near = append(t.near, b)
			}
			continue
		}
		dx := max(math.Abs(c.x-box.cx)-box.half, 0)
		dy := max(math.Abs(c.y-box.cy)-box.half, 0)
		if d2 := dx*dx + dy*dy; d2 > c.open2 && d2 > 1e-9 {
			t.far = append(t.far, farCell{c.x, c.y, c.mass})
			continue
		}
		for k := c.child; k < c.child+4; k++ {
			if cells[k].mass > 0 {
				stack = append(stack, k)
			}
		}
	}
	t.stack = stack
}

// sum adds up the far and near forces on body i.
func (t *quadTree) sum(i int32, k2 float64) (fx, fy float64) {
	px, py := t.x[i], t.y[i]
	for _, c := range t.far {
		dx, dy := px-c.x, py-c.y
		f := k2 * c.mass / (dx*dx + dy*dy)
		fx, fy = fx+dx*f, fy+dy*f
	}
	for _, b := range t.near {
		if b != i {
			ax, ay := pairForce(i, b, px-t.x[b], py-t.y[b], k2)
			fx, fy = fx+ax, fy+ay
		}
	}
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
