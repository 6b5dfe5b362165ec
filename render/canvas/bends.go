package canvas

// bendIndex finds two-way pairs of edges with an adjacency table in
// compressed rows (no map), reused from fill to fill.
type bendIndex struct {
	start []int32 // first out-neighbour of each node in next
	next  []int32 // out-neighbours, grouped by node
}

// bend curves both edges of a two-way pair so they do not overlap; ends
// holds the scene nodes of each edge (-1 for an end outside the scene).
func (b *bendIndex) bend(es []EdgeView, ends [][2]int32, nodes int) {
	b.index(ends, nodes)
	for i, e := range ends {
		if e[0] < 0 || e[1] < 0 || e[0] == e[1] {
			continue
		}
		for _, to := range b.next[b.start[e[1]]:b.start[e[1]+1]] {
			if to == e[0] {
				es[i].Bend = 0.18
				break
			}
		}
	}
}

// index lays out the out-neighbours of every node: node u's are
// next[start[u]:start[u+1]] (counted one slot ahead, then shifted back as
// they are placed).
func (b *bendIndex) index(ends [][2]int32, nodes int) {
	b.start = grow(b.start, nodes+2)
	for _, e := range ends {
		if e[0] >= 0 && e[1] >= 0 {
			b.start[e[0]+2]++
		}
	}
	for i := 2; i < len(b.start); i++ {
		b.start[i] += b.start[i-1]
	}
	b.next = grow(b.next, int(b.start[len(b.start)-1]))
	for _, e := range ends {
		if e[0] >= 0 && e[1] >= 0 {
			b.next[b.start[e[0]+1]] = e[1]
			b.start[e[0]+1]++
		}
	}
}

// grow returns s resized to n zeroed elements, keeping its storage.
func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}
