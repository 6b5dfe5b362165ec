package space

import "fmt"

// Match is a concept or item with its distance from a query point.
type Match struct {
	Name       string  `json:"name"`
	Distance   float64 `json:"distance"`
	Similarity float64 `json:"similarity"` // 1/(1+d)
}

func match(name string, d float64) Match {
	return Match{Name: name, Distance: d, Similarity: Similarity(d)}
}

// Prototypes are the concepts' prototypes, flat in dimension order.
func (s *Space) Prototypes() []float64 {
	out := make([]float64, 0, len(s.Concepts)*len(s.Dimensions))
	for _, c := range s.Concepts {
		x, _ := s.Encode(c.Prototype) // validated when added
		out = append(out, x...)
	}
	return out
}

// Points are the items' points, flat in dimension order.
func (s *Space) Points() []float64 {
	out := make([]float64, 0, len(s.Items)*len(s.Dimensions))
	for _, it := range s.Items {
		x, _ := s.Encode(it.Point)
		out = append(out, x...)
	}
	return out
}

// Categorize names the concept whose prototype is nearest to p under the
// weights of context: the Voronoi cell p lies in.
func (s *Space) Categorize(p Point, context string) (Match, error) {
	m, x, err := s.prepare(p, context)
	if err != nil {
		return Match{}, err
	}
	i, d := m.Nearest(x, s.Prototypes())
	if i < 0 || i >= len(s.Concepts) {
		return Match{}, ErrNoConcepts
	}
	return match(s.Concepts[i].Name, d), nil
}

// Similar lists the k items nearest to p, nearest first.
func (s *Space) Similar(p Point, k int, context string) ([]Match, error) {
	if k <= 0 || k > 10000 {
		return nil, fmt.Errorf("%w: k = %d, want 1..10000", ErrBadQuery, k)
	}
	m, x, err := s.prepare(p, context)
	if err != nil {
		return nil, err
	}
	out := []Match{}
	for _, n := range m.KNearest(x, s.Points(), k) {
		out = append(out, match(s.Items[n.Index].Name, n.Distance))
	}
	return out, nil
}

// Distance between two points under context's weights.
func (s *Space) Distance(a, b Point, context string) (float64, error) {
	m, xs, err := s.encodeAll(context, a, b)
	if err != nil {
		return 0, err
	}
	return m.Distance(xs[0], xs[1]), nil
}

// Between says whether b lies between a and c (see Metric.Between).
func (s *Space) Between(a, b, c Point, context string, tolerance float64) (Betweenness, error) {
	m, xs, err := s.encodeAll(context, a, b, c)
	if err != nil {
		return Betweenness{}, err
	}
	return m.Between(xs[0], xs[1], xs[2], tolerance)
}

// Members lists the items inside a concept's region: in its prototype's
// cell under context's weights, and within its explicit bounds.
func (s *Space) Members(concept, context string) ([]Match, error) {
	ci := s.Concept(concept)
	if ci < 0 {
		return nil, fmt.Errorf("%w: %q", ErrUnknownConcept, concept)
	}
	m, err := s.Metric(context)
	if err != nil {
		return nil, err
	}
	pts, protos, d := s.Points(), s.Prototypes(), len(s.Dimensions)
	out := []Match{}
	for i, cell := range m.Categorize(pts, protos) {
		x := pts[i*d : i*d+d]
		if cell == ci && s.InBounds(s.Concepts[ci], x) {
			out = append(out, match(s.Items[i].Name, m.Distance(x, protos[ci*d:ci*d+d])))
		}
	}
	return out, nil
}

func (s *Space) prepare(p Point, context string) (*Metric, []float64, error) {
	m, xs, err := s.encodeAll(context, p)
	if err != nil {
		return nil, nil, err
	}
	return m, xs[0], nil
}

func (s *Space) encodeAll(context string, ps ...Point) (*Metric, [][]float64, error) {
	m, err := s.Metric(context)
	if err != nil {
		return nil, nil, err
	}
	xs := make([][]float64, len(ps))
	for i, p := range ps {
		if xs[i], err = s.Encode(p); err != nil {
			return nil, nil, err
		}
	}
	return m, xs, nil
}
