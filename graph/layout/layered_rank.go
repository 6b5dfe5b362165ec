package layout

import "slices"

// breakCycles reverses the pairs that are back edges of a depth-first
// search (in node order), which leaves the pairs acyclic. Following node
// order makes a workflow's loop-back edge the one reversed.
func (s *sugiyama) breakCycles() {
	out := make([][]int, s.n)
	for k, p := range s.pairs {
		out[p[0]] = append(out[p[0]], k)
	}
	state := make([]uint8, s.n) // 0 new, 1 on the DFS stack, 2 done
	s.reversed = make([]bool, len(s.pairs))
	for root := range s.n {
		if state[root] == 0 {
			s.markBackEdges(root, out, state)
		}
	}
	for k := range s.pairs {
		if s.reversed[k] {
			s.pairs[k][0], s.pairs[k][1] = s.pairs[k][1], s.pairs[k][0]
		}
	}
}

// markBackEdges runs an iterative DFS from root and marks every pair that
// leads back to a node still on the stack.
func (s *sugiyama) markBackEdges(root int, out [][]int, state []uint8) {
	type frame struct{ v, next int }
	stack := []frame{{v: root}}
	state[root] = 1
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.next == len(out[f.v]) {
			state[f.v] = 2
			stack = stack[:len(stack)-1]
			continue
		}
		k := out[f.v][f.next]
		f.next++
		switch w := int(s.pairs[k][1]); state[w] {
		case 0:
			state[w] = 1
			stack = append(stack, frame{v: w})
		case 1:
			s.reversed[k] = true
		}
	}
}

// assignLayers puts every node one layer below its lowest predecessor
// (longest path), then moves nodes with more edges down than up as far
// down as their successors allow, which shortens edges in total.
func (s *sugiyama) assignLayers() {
	succ, pred := make([][]int32, s.n), make([][]int32, s.n)
	for _, p := range s.pairs {
		succ[p[0]] = append(succ[p[0]], p[1])
		pred[p[1]] = append(pred[p[1]], p[0])
	}
	order := topoOrder(succ, pred)
	s.layer = make([]int, s.n)
	for _, v := range order {
		for _, u := range pred[v] {
			s.layer[v] = max(s.layer[v], s.layer[u]+1)
		}
	}
	for changed, pass := true, 0; changed && pass < 8; pass++ {
		changed = false
		for i := len(order) - 1; i >= 0; i-- {
			changed = s.pullDown(order[i], succ[order[i]], pred[order[i]]) || changed
		}
	}
	if s.n > 0 {
		top := slices.Min(s.layer)
		for v := range s.layer {
			s.layer[v] -= top
		}
	}
}

func (s *sugiyama) pullDown(v int32, succ, pred []int32) bool {
	if len(succ) <= len(pred) {
		return false
	}
	lowest := s.layer[succ[0]]
	for _, w := range succ {
		lowest = min(lowest, s.layer[w])
	}
	if lowest-1 > s.layer[v] {
		s.layer[v] = lowest - 1
		return true
	}
	return false
}

// topoOrder is Kahn's algorithm over an acyclic adjacency.
func topoOrder(succ, pred [][]int32) []int32 {
	indeg := make([]int, len(succ))
	order := make([]int32, 0, len(succ))
	for v := range succ {
		if indeg[v] = len(pred[v]); indeg[v] == 0 {
			order = append(order, int32(v))
		}
	}
	for k := 0; k < len(order); k++ {
		for _, w := range succ[order[k]] {
			if indeg[w]--; indeg[w] == 0 {
				order = append(order, w)
			}
		}
	}
	return order
}

// addDummies splits every pair spanning more than one layer into a chain
// through a dummy node on each layer between, and links neighbours.
func (s *sugiyama) addDummies() {
	s.up, s.down = make([][]int32, s.n), make([][]int32, s.n)
	s.chains = make([][]int32, len(s.pairs))
	for k, p := range s.pairs {
		chain := []int32{p[0]}
		for l := s.layer[p[0]] + 1; l < s.layer[p[1]]; l++ {
			chain = append(chain, s.newDummy(l))
		}
		chain = append(chain, p[1])
		for i := 1; i < len(chain); i++ {
			a, b := chain[i-1], chain[i]
			s.down[a], s.up[b] = append(s.down[a], b), append(s.up[b], a)
		}
		s.chains[k] = chain
	}
}

func (s *sugiyama) newDummy(layer int) int32 {
	s.layer = append(s.layer, layer)
	s.up, s.down = append(s.up, nil), append(s.down, nil)
	return int32(len(s.layer) - 1)
}

func (s *sugiyama) isDummy(v int32) bool { return int(v) >= s.n }
