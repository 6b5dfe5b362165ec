package space

import (
	"fmt"
	"maps"
	"slices"
)

// AddDimension adds d; existing concepts and items take the coordinate
// def on it (required when there are any).
func (s *Space) AddDimension(d Dimension, def *Value) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if s.Dimension(d.Name) >= 0 {
		return fmt.Errorf("%w: dimension %q", ErrDuplicate, d.Name)
	}
	if len(s.Concepts)+len(s.Items) > 0 {
		if def == nil {
			return fmt.Errorf("%w: %q needs a default for the existing concepts and items", ErrMissingCoordinate, d.Name)
		}
		if _, err := d.Encode(*def); err != nil {
			return err
		}
	}
	s.Dimensions = append(s.Dimensions, d)
	s.mapPoints(func(p Point) Point { return with(p, d.Name, def) })
	return nil
}

// UpdateDimension replaces the definition of the dimension of d's name;
// every existing coordinate and bound must stay valid under it.
func (s *Space) UpdateDimension(d Dimension) error {
	i := s.Dimension(d.Name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownDimension, d.Name)
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if err := s.fits(d); err != nil {
		return err
	}
	s.Dimensions[i] = d
	return nil
}

func (s *Space) fits(d Dimension) error {
	for _, c := range s.Concepts {
		if _, err := d.Encode(c.Prototype[d.Name]); err != nil {
			return fmt.Errorf("concept %q: %w", c.Name, err)
		}
		if b, ok := c.Bounds[d.Name]; ok {
			if err := checkBound(d, b); err != nil {
				return fmt.Errorf("concept %q: %w", c.Name, err)
			}
		}
	}
	for _, it := range s.Items {
		if _, err := d.Encode(it.Point[d.Name]); err != nil {
			return fmt.Errorf("item %q: %w", it.Name, err)
		}
	}
	return nil
}

// RemoveDimension drops a dimension, its coordinates and bounds. The last
// dimension stays while there are concepts or items: points need a place.
func (s *Space) RemoveDimension(name string) error {
	i := s.Dimension(name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownDimension, name)
	}
	if len(s.Dimensions) == 1 && len(s.Concepts)+len(s.Items) > 0 {
		return fmt.Errorf("%w: %q is the last dimension of a space with concepts or items", ErrNoDimensions, name)
	}
	s.Dimensions = slices.Delete(s.Dimensions, i, i+1)
	s.mapPoints(func(p Point) Point { return with(p, name, nil) })
	for k, c := range s.Concepts {
		if _, ok := c.Bounds[name]; ok {
			c.Bounds = maps.Clone(c.Bounds)
			delete(c.Bounds, name)
			s.Concepts[k] = c
		}
	}
	return nil
}

// SetWeights sets the saliences of a context's weight set, by domain
// name; domains not named weigh 1.
func (s *Space) SetWeights(context string, weights map[string]float64) error {
	if err := checkName("context", context); err != nil {
		return err
	}
	domains := s.Domains()
	for dom, w := range weights {
		if !slices.Contains(domains, dom) {
			return fmt.Errorf("%w: no domain %q (known: %q)", ErrBadWeight, dom, domains)
		}
		if !finite(w) || w < 0 {
			return fmt.Errorf("%w: %q = %g, want a finite number >= 0", ErrBadWeight, dom, w)
		}
	}
	s.Weights = maps.Clone(s.Weights)
	if s.Weights == nil {
		s.Weights = map[string]map[string]float64{}
	}
	s.Weights[context] = maps.Clone(weights)
	return nil
}

// mapPoints replaces every prototype and item point by f of it.
func (s *Space) mapPoints(f func(Point) Point) {
	for i := range s.Concepts {
		s.Concepts[i].Prototype = f(s.Concepts[i].Prototype)
	}
	for i := range s.Items {
		s.Items[i].Point = f(s.Items[i].Point)
	}
}

// with is a copy of p with name set to v (removed when v is nil).
func with(p Point, name string, v *Value) Point {
	q := maps.Clone(p)
	if q == nil {
		q = Point{}
	}
	if v == nil {
		delete(q, name)
	} else {
		q[name] = *v
	}
	return q
}
