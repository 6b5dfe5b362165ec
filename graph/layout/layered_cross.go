package layout

// crossings counts the crossings of the current order between layers lo
// and hi.
func (s *sugiyama) crossings(lo, hi int) int {
	total := 0
	var tree []int
	for l := lo; l < hi; l++ {
		total += s.layerCrossings(l, &tree)
	}
	return total
}

// layerCrossings counts crossings between layer l and l+1: visiting the
// upper ends left to right, each edge crosses every edge seen before whose
// lower end lies strictly to the right of its own (a Fenwick tree over
// lower positions counts them in O(e log n)).
func (s *sugiyama) layerCrossings(l int, tree *[]int) int {
	size := len(s.layers[l+1])
	*tree = append((*tree)[:0], make([]int, size+1)...)
	t, seen, total := *tree, 0, 0
	var lows []int
	for _, v := range s.layers[l] {
		lows = lows[:0]
		for _, w := range s.down[v] {
			lows = append(lows, int(s.pos[w]))
		}
		for _, p := range lows {
			total += seen - prefix(t, p+1)
		}
		for _, p := range lows {
			add(t, p+1)
			seen++
		}
	}
	return total
}

func prefix(t []int, i int) int {
	sum := 0
	for ; i > 0; i -= i & -i {
		sum += t[i]
	}
	return sum
}

func add(t []int, i int) {
	for ; i < len(t); i += i & -i {
		t[i]++
	}
}

// transposeAll swaps neighbouring nodes of every layer while a swap
// lowers the crossings around them; with ties it also swaps on equality,
// which lets later sweeps escape a plateau.
func (s *sugiyama) transposeAll(lo, hi int, ties bool) {
	for pass, improved := 0, true; improved && pass < 8; pass++ {
		improved = false
		for l := lo; l <= hi; l++ {
			improved = s.transpose(l, ties && pass == 0) || improved
		}
	}
}

func (s *sugiyama) transpose(l int, ties bool) bool {
	order, improved := s.layers[l], false
	for i := 0; i+1 < len(order); i++ {
		v, w := order[i], order[i+1]
		keep, swap := s.pairCrossings(v, w)
		if swap < keep || (ties && swap == keep && keep > 0) {
			order[i], order[i+1] = w, v
			s.pos[v], s.pos[w] = int32(i+1), int32(i)
			improved = improved || swap < keep
		}
	}
	return improved
}

// pairCrossings counts the crossings among the edges of v and w with v
// left of w (keep) and with w left of v (swap).
func (s *sugiyama) pairCrossings(v, w int32) (keep, swap int) {
	for _, nbr := range [2][][]int32{s.up, s.down} {
		for _, a := range nbr[v] {
			for _, b := range nbr[w] {
				switch pa, pb := s.pos[a], s.pos[b]; {
				case pa > pb:
					keep++
				case pa < pb:
					swap++
				}
			}
		}
	}
	return keep, swap
}
