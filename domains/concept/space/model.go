package space

import (
	"fmt"
	"maps"
	"slices"
)

// DefaultContext is the weight set used when a query names none; its
// weights are all 1 unless set.
const DefaultContext = "default"

// Space is a conceptual space: its dimensions, weight sets, concepts and
// items. Methods that change it validate first and change nothing on a
// refusal; they never modify a Point in place, so a shallow Clone is a
// safe scratch copy.
type Space struct {
	Name       string                        `json:"name"`
	Norm       Norm                          `json:"norm"`
	Dimensions []Dimension                   `json:"dimensions"`
	Weights    map[string]map[string]float64 `json:"weights,omitempty"` // context -> domain -> salience
	Concepts   []Concept                     `json:"concepts"`
	Items      []Item                        `json:"items"`
}

// Concept is a convex region: the Voronoi cell of its prototype, cut by
// explicit bounds on some dimensions when given.
type Concept struct {
	Name      string           `json:"name"`
	Prototype Point            `json:"prototype"`
	Bounds    map[string]Bound `json:"bounds,omitempty"`
}

// Bound limits a concept on one dimension: Min..Max inclusive; on a
// circular dimension the arc from Min up to Max (wrapping when Min > Max).
// Categorical dimensions take no bounds.
type Bound struct {
	Min Value `json:"min"`
	Max Value `json:"max"`
}

// Item is a named point.
type Item struct {
	Name  string `json:"name"`
	Point Point  `json:"point"`
}

// New is a space with no dimensions.
func New(name string, norm Norm) (*Space, error) {
	if err := checkName("space", name); err != nil {
		return nil, err
	}
	if err := norm.Validate(); err != nil {
		return nil, err
	}
	return &Space{Name: name, Norm: norm.orDefault(), Dimensions: []Dimension{}, Concepts: []Concept{}, Items: []Item{}}, nil
}

// Clone copies the space's lists and maps (not the points, which are
// never changed in place).
func (s *Space) Clone() *Space {
	c := *s
	c.Dimensions = slices.Clone(s.Dimensions)
	c.Concepts = slices.Clone(s.Concepts)
	c.Items = slices.Clone(s.Items)
	c.Weights = maps.Clone(s.Weights)
	return &c
}

// Dimension is the index of the named dimension, or -1.
func (s *Space) Dimension(name string) int {
	return slices.IndexFunc(s.Dimensions, func(d Dimension) bool { return d.Name == name })
}

// Concept is the index of the named concept, or -1.
func (s *Space) Concept(name string) int {
	return slices.IndexFunc(s.Concepts, func(c Concept) bool { return c.Name == name })
}

// Item is the index of the named item, or -1.
func (s *Space) Item(name string) int {
	return slices.IndexFunc(s.Items, func(it Item) bool { return it.Name == name })
}

// Encode checks a point and turns it into the metric's flat coordinates,
// in dimension order. Every dimension needs a coordinate and every
// coordinate a dimension.
func (s *Space) Encode(p Point) ([]float64, error) {
	for name := range p {
		if s.Dimension(name) < 0 {
			return nil, fmt.Errorf("%w: %q", ErrUnknownDimension, name)
		}
	}
	out := make([]float64, len(s.Dimensions))
	for i, d := range s.Dimensions {
		v, ok := p[d.Name]
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrMissingCoordinate, d.Name)
		}
		x, err := d.Encode(v)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// Metric compiles the space's distance with the weights of context
// ("" is DefaultContext). Domains a context does not name weigh 1.
func (s *Space) Metric(context string) (*Metric, error) {
	if context == "" {
		context = DefaultContext
	}
	set, ok := s.Weights[context]
	if !ok && context != DefaultContext {
		return nil, fmt.Errorf("%w: %q (known: %q)", ErrUnknownContext, context, slices.Sorted(maps.Keys(s.Weights)))
	}
	weights := make([]float64, len(s.Dimensions))
	for i, d := range s.Dimensions {
		weights[i] = 1
		if w, ok := set[d.DomainName()]; ok {
			weights[i] = w
		}
	}
	return NewMetric(s.Norm, s.Dimensions, weights)
}

// Domains lists the space's domain names, in dimension order.
func (s *Space) Domains() []string {
	var out []string
	for _, d := range s.Dimensions {
		if !slices.Contains(out, d.DomainName()) {
			out = append(out, d.DomainName())
		}
	}
	return out
}
