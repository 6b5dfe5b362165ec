package space

import (
	"fmt"
	"slices"
)

// AddConcept adds a concept; its prototype must be a valid point inside
// its own bounds.
func (s *Space) AddConcept(c Concept) error {
	if err := checkName("concept", c.Name); err != nil {
		return err
	}
	if s.Concept(c.Name) >= 0 {
		return fmt.Errorf("%w: concept %q", ErrDuplicate, c.Name)
	}
	if len(s.Dimensions) == 0 {
		return fmt.Errorf("%w: add a dimension before concept %q", ErrNoDimensions, c.Name)
	}
	if err := s.checkConcept(c); err != nil {
		return err
	}
	s.Concepts = append(s.Concepts, c)
	return nil
}

// MoveConcept gives a concept a new prototype (inside its bounds).
func (s *Space) MoveConcept(name string, to Point) error {
	i := s.Concept(name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownConcept, name)
	}
	c := s.Concepts[i]
	c.Prototype = to
	if err := s.checkConcept(c); err != nil {
		return err
	}
	s.Concepts[i] = c
	return nil
}

// RemoveConcept drops a concept.
func (s *Space) RemoveConcept(name string) error {
	i := s.Concept(name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownConcept, name)
	}
	s.Concepts = slices.Delete(s.Concepts, i, i+1)
	return nil
}

func (s *Space) checkConcept(c Concept) error {
	x, err := s.Encode(c.Prototype)
	if err != nil {
		return fmt.Errorf("concept %q: %w", c.Name, err)
	}
	for name, b := range c.Bounds {
		i := s.Dimension(name)
		if i < 0 {
			return fmt.Errorf("concept %q bounds: %w: %q", c.Name, ErrUnknownDimension, name)
		}
		if err := checkBound(s.Dimensions[i], b); err != nil {
			return fmt.Errorf("concept %q: %w", c.Name, err)
		}
	}
	if !s.InBounds(c, x) {
		return fmt.Errorf("%w: concept %q's prototype lies outside its bounds", ErrBadBound, c.Name)
	}
	return nil
}

func checkBound(d Dimension, b Bound) error {
	if d.Kind == Categorical {
		return fmt.Errorf("%w: categorical %q takes no bounds", ErrBadBound, d.Name)
	}
	lo, err := d.Encode(b.Min)
	if err != nil {
		return err
	}
	hi, err := d.Encode(b.Max)
	if err != nil {
		return err
	}
	if lo > hi && d.Kind != Circular {
		return fmt.Errorf("%w: %q bound %v..%v is empty", ErrBadBound, d.Name, b.Min, b.Max)
	}
	return nil
}

// InBounds says whether encoded point x satisfies c's explicit bounds.
// Bounds that no longer decode (never after validation) exclude nothing.
func (s *Space) InBounds(c Concept, x []float64) bool {
	for name, b := range c.Bounds {
		i := s.Dimension(name)
		if i < 0 || i >= len(x) {
			continue
		}
		d := s.Dimensions[i]
		lo, err1 := d.Encode(b.Min)
		hi, err2 := d.Encode(b.Max)
		if err1 == nil && err2 == nil && !within(x[i], lo, hi) {
			return false
		}
	}
	return true
}

// within is lo <= v <= hi, or the wrapped arc when lo > hi (circular).
func within(v, lo, hi float64) bool {
	if lo <= hi {
		return lo <= v && v <= hi
	}
	return v >= lo || v <= hi
}

// AddItem adds a named point.
func (s *Space) AddItem(it Item) error {
	if err := checkName("item", it.Name); err != nil {
		return err
	}
	if s.Item(it.Name) >= 0 {
		return fmt.Errorf("%w: item %q", ErrDuplicate, it.Name)
	}
	if len(s.Dimensions) == 0 {
		return fmt.Errorf("%w: add a dimension before item %q", ErrNoDimensions, it.Name)
	}
	if _, err := s.Encode(it.Point); err != nil {
		return fmt.Errorf("item %q: %w", it.Name, err)
	}
	s.Items = append(s.Items, it)
	return nil
}

// MoveItem gives an item a new point.
func (s *Space) MoveItem(name string, to Point) error {
	i := s.Item(name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownItem, name)
	}
	if _, err := s.Encode(to); err != nil {
		return fmt.Errorf("item %q: %w", name, err)
	}
	s.Items[i].Point = to
	return nil
}

// RemoveItem drops an item.
func (s *Space) RemoveItem(name string) error {
	i := s.Item(name)
	if i < 0 {
		return fmt.Errorf("%w: %q", ErrUnknownItem, name)
	}
	s.Items = slices.Delete(s.Items, i, i+1)
	return nil
}
