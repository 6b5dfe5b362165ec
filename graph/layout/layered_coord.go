package layout

// assignCoordinates places the nodes along their layers. Each pass solves,
// layer by layer, min Σ W_i (x_i - d_i)² with x_{i+1} - x_i >= spacing,
// where d_i is the weighted mean of the neighbours' coordinates: exactly,
// by isotonic regression (pool adjacent violators). Edges between dummies
// weigh most, so long edges run straight.
func (s *sugiyama) assignCoordinates() {
	s.x = make([]float64, len(s.layer))
	for _, order := range s.layers {
		for i, v := range order {
			s.x[v] = float64(i) * s.cfg.spacing
		}
	}
	for pass := range 16 {
		for k := range s.layers {
			l := k
			if pass%2 == 1 {
				l = len(s.layers) - 1 - k
			}
			s.placeLayer(s.layers[l])
		}
	}
	s.shiftToZero()
}

func (s *sugiyama) weight(v, w int32) float64 {
	switch dv, dw := s.isDummy(v), s.isDummy(w); {
	case dv && dw:
		return 8
	case dv || dw:
		return 2
	}
	return 1
}

func (s *sugiyama) placeLayer(order []int32) {
	y, wt := make([]float64, len(order)), make([]float64, len(order))
	for i, v := range order {
		var sum, total float64
		for _, nbr := range [2][][]int32{s.up, s.down} {
			for _, w := range nbr[v] {
				c := s.weight(v, w)
				sum, total = sum+c*s.x[w], total+c
			}
		}
		if total == 0 {
			sum, total = s.x[v]*1e-3, 1e-3
		}
		y[i], wt[i] = sum/total-float64(i)*s.cfg.spacing, total
	}
	z := isotonic(y, wt)
	for i, v := range order {
		s.x[v] = z[i] + float64(i)*s.cfg.spacing
	}
}

// isotonic returns the non-decreasing z closest to y in weighted squares.
func isotonic(y, w []float64) []float64 {
	type block struct {
		mean, weight float64
		count        int
	}
	var blocks []block
	for i := range y {
		blocks = append(blocks, block{y[i], w[i], 1})
		for n := len(blocks); n > 1 && blocks[n-2].mean > blocks[n-1].mean; n = len(blocks) {
			a, b := blocks[n-2], blocks[n-1]
			tw := a.weight + b.weight
			blocks[n-2] = block{(a.mean*a.weight + b.mean*b.weight) / tw, tw, a.count + b.count}
			blocks = blocks[:n-1]
		}
	}
	z := y[:0:0]
	for _, b := range blocks {
		for range b.count {
			z = append(z, b.mean)
		}
	}
	return z
}

func (s *sugiyama) shiftToZero() {
	if len(s.x) == 0 {
		return
	}
	lo := s.x[0]
	for _, v := range s.x {
		lo = min(lo, v)
	}
	for i := range s.x {
		s.x[i] -= lo
	}
}
