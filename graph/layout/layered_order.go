package layout

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// initialOrder fills the layers in depth-first order from the nodes of the
// top layers, so that connected nodes start close together.
func (s *sugiyama) initialOrder() {
	nl := 0
	for _, l := range s.layer {
		nl = max(nl, l+1)
	}
	s.layers = make([][]int32, nl)
	s.pos = make([]int32, len(s.layer))
	seen := make([]bool, len(s.layer))
	roots := make([]int32, 0, s.n)
	for v := range s.n {
		roots = append(roots, int32(v))
	}
	slices.SortStableFunc(roots, func(a, b int32) int { return s.layer[a] - s.layer[b] })
	for _, r := range roots {
		s.visit(r, seen)
	}
}

func (s *sugiyama) visit(root int32, seen []bool) {
	stack := []int32{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		l := s.layer[v]
		s.pos[v] = int32(len(s.layers[l]))
		s.layers[l] = append(s.layers[l], v)
		for i := len(s.down[v]) - 1; i >= 0; i-- {
			stack = append(stack, s.down[v][i])
		}
	}
}

// reduceCrossings orders each segment of layers on its own: a layer with a
// single node cuts the drawing into parts whose crossings cannot affect
// each other, so the best order of each part can be kept separately.
func (s *sugiyama) reduceCrossings() {
	lo := 0
	for l := 1; l < len(s.layers); l++ {
		if len(s.layers[l]) == 1 || l == len(s.layers)-1 {
			s.reduceSegment(lo, l)
			lo = l
		}
	}
}

// maxRestarts is how many times a small segment is reordered from a fresh
// start; bigger segments get fewer, down to one, so that the work stays
// near restartBudget node visits per sweep round.
// Huge segments also get fewer sweeps, at least minSweeps, so that a big
// graph is laid out in seconds rather than minutes.
const (
	maxRestarts   = 8
	restartBudget = 20000
	sweepBudget   = 1_000_000
	minSweeps     = 4
)

// effort returns the tries and sweeps per try for layers lo..hi.
func (s *sugiyama) effort(lo, hi int) (tries, sweeps int) {
	nodes := 1
	for l := lo; l <= hi; l++ {
		nodes += len(s.layers[l])
	}
	tries = max(1, min(maxRestarts, restartBudget/nodes))
	return tries, min(s.cfg.sweeps, max(minSweeps, sweepBudget/nodes))
}

// reduceSegment sweeps down and up layers lo..hi, sorting each by the
// median (or barycenter) of its neighbours on the layer just fixed, then
// transposes and sifts; it restarts from shuffled orders and keeps the
// best order seen.
func (s *sugiyama) reduceSegment(lo, hi int) {
	rng := rand.New(rand.NewPCG(s.cfg.seed, uint64(lo)))
	best, bestC := s.snapshot(lo, hi), s.crossings(lo, hi)
	tries, sweeps := s.effort(lo, hi)
	for try := 0; try < tries && bestC > 0; try++ {
		if try > 0 {
			s.shuffle(lo, hi, rng)
		}
		key := []keyFunc{median, barycenter}[try%2]
		for it, stale := 0, 0; it < sweeps && stale < 6 && bestC > 0; it++ {
			s.sweep(lo, hi, it%2 == 0, key)
			s.transposeAll(lo, hi, it%4 >= 2)
			s.siftAll(lo, hi)
			if c := s.crossings(lo, hi); c < bestC {
				best, bestC, stale = s.snapshot(lo, hi), c, 0
			} else {
				stale++
			}
		}
	}
	s.restore(lo, best)
}

func (s *sugiyama) shuffle(lo, hi int, rng *rand.Rand) {
	for l := lo; l <= hi; l++ {
		rng.Shuffle(len(s.layers[l]), func(i, j int) {
			s.layers[l][i], s.layers[l][j] = s.layers[l][j], s.layers[l][i]
		})
		s.renumber(l)
	}
}

func (s *sugiyama) snapshot(lo, hi int) [][]int32 {
	out := make([][]int32, 0, hi-lo+1)
	for l := lo; l <= hi; l++ {
		out = append(out, slices.Clone(s.layers[l]))
	}
	return out
}

func (s *sugiyama) restore(lo int, layers [][]int32) {
	for k, order := range layers {
		copy(s.layers[lo+k], order)
		s.renumber(lo + k)
	}
}

func (s *sugiyama) renumber(l int) {
	for i, v := range s.layers[l] {
		s.pos[v] = int32(i)
	}
}

func (s *sugiyama) sweep(lo, hi int, down bool, key keyFunc) {
	if down {
		for l := lo + 1; l <= hi; l++ {
			s.sortLayer(l, s.up, key)
		}
		return
	}
	for l := hi - 1; l >= lo; l-- {
		s.sortLayer(l, s.down, key)
	}
}

// keyFunc turns the sorted positions of a node's neighbours into its sort
// key; ok is false for a node without neighbours, which keeps its place.
type keyFunc func(p []float64) (k float64, ok bool)

func barycenter(p []float64) (float64, bool) {
	var sum float64
	for _, v := range p {
		sum += v
	}
	return sum / float64(len(p)), len(p) > 0
}

// median is Gansner et al.'s weighted median, which leans towards the side
// where neighbours are packed closer.
func median(p []float64) (float64, bool) {
	m := len(p)
	switch {
	case m == 0:
		return 0, false
	case m%2 == 1:
		return p[m/2], true
	case m == 2:
		return (p[0] + p[1]) / 2, true
	}
	left, right := p[m/2-1]-p[0], p[m-1]-p[m/2]
	if left+right == 0 {
		return (p[m/2-1] + p[m/2]) / 2, true
	}
	return (p[m/2-1]*right + p[m/2]*left) / (left + right), true
}

// sortLayer reorders layer l by key over nbr; nodes without neighbours
// stay where they are and the others fill the remaining places in order.
func (s *sugiyama) sortLayer(l int, nbr [][]int32, key keyFunc) {
	order := s.layers[l]
	type item struct {
		v int32
		k float64
	}
	var movable []item
	fixed := make([]bool, len(order))
	var buf []float64
	for i, v := range order {
		buf = buf[:0]
		for _, w := range nbr[v] {
			buf = append(buf, float64(s.pos[w]))
		}
		slices.Sort(buf)
		if k, ok := key(buf); ok {
			movable = append(movable, item{v, k})
		} else {
			fixed[i] = true
		}
	}
	slices.SortFunc(movable, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(s.pos[a.v], s.pos[b.v]))
	})
	for i, next := 0, 0; i < len(order); i++ {
		if !fixed[i] {
			order[i] = movable[next].v
			next++
		}
	}
	s.renumber(l)
}
