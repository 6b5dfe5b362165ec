package layout

import "math"

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
