package concept

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/service"
)

// Ref is a point in a query: coordinates, or the name of an item or a
// concept (its point, its prototype).
type Ref struct {
	Name  string
	Point space.Point
}

// UnmarshalJSON reads a string (a name) or an object (a point).
func (r *Ref) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &r.Name)
	}
	return json.Unmarshal(b, &r.Point)
}

// MarshalJSON writes the name or the point.
func (r Ref) MarshalJSON() ([]byte, error) {
	if r.Point == nil {
		return json.Marshal(r.Name)
	}
	return json.Marshal(r.Point)
}

func (r Ref) resolve(s *space.Space) (space.Point, error) {
	if r.Point != nil || r.Name == "" {
		return r.Point, nil
	}
	if i := s.Item(r.Name); i >= 0 {
		return s.Items[i].Point, nil
	}
	if i := s.Concept(r.Name); i >= 0 {
		return s.Concepts[i].Prototype, nil
	}
	return nil, fmt.Errorf("%w: no item or concept %q", space.ErrUnknownItem, r.Name)
}

// Query arguments.
type (
	CategorizeArgs struct {
		Point   Ref    `json:"point"`
		Context string `json:"context,omitempty"`
	}
	KNNArgs struct {
		Point   Ref    `json:"point"`
		K       int    `json:"k"`
		Context string `json:"context,omitempty"`
	}
	DistanceArgs struct {
		A           Ref     `json:"a"`
		B           Ref     `json:"b"`
		Context     string  `json:"context,omitempty"`
		Sensitivity float64 `json:"sensitivity,omitempty"` // c of exp(-c*d); 0: 1
	}
	BetweenArgs struct {
		A         Ref     `json:"a"`
		B         Ref     `json:"b"`
		C         Ref     `json:"c"`
		Context   string  `json:"context,omitempty"`
		Tolerance float64 `json:"tolerance,omitempty"` // 0: 1e-9
	}
	MembersArgs struct {
		Concept string `json:"concept"`
		Context string `json:"context,omitempty"`
	}
)

// Query answers.
type (
	SpaceAnswer struct {
		*space.Space
		Version uint64 `json:"version"`
	}
	MatchesAnswer struct {
		Items []space.Match `json:"items"`
	}
	DistanceAnswer struct {
		Distance      float64 `json:"distance"`
		Similarity    float64 `json:"similarity"`     // 1/(1+d)
		SimilarityExp float64 `json:"similarity_exp"` // exp(-c*d)
	}
)

// queries are the domain's queries by name.
var queries = map[string]service.Query[*space.Space]{
	"get": func(s *space.Space, v uint64, _ json.RawMessage) (any, error) { return SpaceAnswer{s, v}, nil },
	"categorize": query(func(s *space.Space, a CategorizeArgs) (any, error) {
		p, err := a.Point.resolve(s)
		if err != nil {
			return nil, err
		}
		return s.Categorize(p, a.Context)
	}),
	"knn": query(func(s *space.Space, a KNNArgs) (any, error) {
		p, err := a.Point.resolve(s)
		if err != nil {
			return nil, err
		}
		items, err := s.Similar(p, a.K, a.Context)
		return MatchesAnswer{items}, err
	}),
	"distance":    query(distance),
	"betweenness": query(between),
	"members": query(func(s *space.Space, a MembersArgs) (any, error) {
		items, err := s.Members(a.Concept, a.Context)
		return MatchesAnswer{items}, err
	}),
}

// query decodes a query's arguments strictly and wraps its refusals as
// 400s.
func query[A any](answer func(*space.Space, A) (any, error)) service.Query[*space.Space] {
	return func(s *space.Space, _ uint64, args json.RawMessage) (any, error) {
		var a A
		if err := decode(args, &a, true); err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		out, err := answer(s, a)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		return out, nil
	}
}

func distance(s *space.Space, a DistanceArgs) (any, error) {
	pts, err := resolveAll(s, a.A, a.B)
	if err != nil {
		return nil, err
	}
	c := a.Sensitivity
	if c == 0 {
		c = 1
	} else if c < 0 {
		return nil, fmt.Errorf("%w: sensitivity %g, want > 0", space.ErrBadQuery, c)
	}
	d, err := s.Distance(pts[0], pts[1], a.Context)
	return DistanceAnswer{Distance: d, Similarity: space.Similarity(d), SimilarityExp: space.SimilarityExp(d, c)}, err
}

func between(s *space.Space, a BetweenArgs) (any, error) {
	pts, err := resolveAll(s, a.A, a.B, a.C)
	if err != nil {
		return nil, err
	}
	tol := a.Tolerance
	if tol == 0 {
		tol = 1e-9
	}
	return s.Between(pts[0], pts[1], pts[2], a.Context, tol)
}

func resolveAll(s *space.Space, refs ...Ref) ([]space.Point, error) {
	out := make([]space.Point, len(refs))
	for i, r := range refs {
		p, err := r.resolve(s)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}
