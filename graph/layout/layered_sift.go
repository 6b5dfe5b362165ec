package layout

import "slices"

// maxSiftWidth is the widest layer sifted: sifting costs the square of a
// layer's width.
const maxSiftWidth = 64

// siftAll moves every node of every narrow layer to the place in its layer
// where its edges cross least, which reaches orders that swapping
// neighbours alone cannot.
func (s *sugiyama) siftAll(lo, hi int) {
	for l := lo; l <= hi; l++ {
		if w := len(s.layers[l]); w > 1 && w <= maxSiftWidth {
			s.sift(l)
		}
	}
}

func (s *sugiyama) sift(l int) {
	for _, v := range slices.Clone(s.layers[l]) {
		orig := int(s.pos[v])
		order := slices.Delete(s.layers[l], orig, orig+1)
		cost := 0
		for _, w := range order {
			left, _ := s.pairCrossings(v, w)
			cost += left
		}
		best, bestCost := 0, cost
		for i, w := range order {
			left, right := s.pairCrossings(v, w)
			if cost += right - left; cost < bestCost || (cost == bestCost && i+1 == orig) {
				best, bestCost = i+1, cost
			}
		}
		s.layers[l] = slices.Insert(order, best, v)
		s.renumber(l)
	}
}
