package space

import (
	"fmt"
	"math"
	"slices"
)

// Kind is the type of a quality dimension.
type Kind string

// The kinds of dimension.
const (
	Continuous  Kind = "continuous"  // a range Min..Max
	Circular    Kind = "circular"    // 0..Period, wrapping (hue)
	Ordinal     Kind = "ordinal"     // ordered Levels
	Categorical Kind = "categorical" // a set of Values
)

// Dimension is one quality dimension of a space.
type Dimension struct {
	Name   string   `json:"name"`
	Kind   Kind     `json:"kind"`
	Domain string   `json:"domain,omitempty"` // salience group; empty: the dimension's own name
	Min    float64  `json:"min,omitempty"`    // continuous
	Max    float64  `json:"max,omitempty"`    // continuous
	Period float64  `json:"period,omitempty"` // circular: coordinates 0..Period
	Levels []string `json:"levels,omitempty"` // ordinal, lowest first
	Values []string `json:"values,omitempty"` // categorical
}

// DomainName is the domain whose salience weighs this dimension.
func (d Dimension) DomainName() string {
	if d.Domain == "" {
		return d.Name
	}
	return d.Domain
}

// Validate checks the definition.
func (d Dimension) Validate() error {
	if err := checkName("dimension", d.Name); err != nil {
		return err
	}
	switch d.Kind {
	case Continuous:
		if !finite(d.Min) || !finite(d.Max) || d.Min >= d.Max {
			return fmt.Errorf("%w: %q needs finite min < max (got %g..%g)", ErrBadDimension, d.Name, d.Min, d.Max)
		}
	case Circular:
		if !finite(d.Period) || d.Period <= 0 {
			return fmt.Errorf("%w: %q needs a finite period > 0 (got %g)", ErrBadDimension, d.Name, d.Period)
		}
	case Ordinal:
		return checkLabels(d.Name, "levels", d.Levels)
	case Categorical:
		return checkLabels(d.Name, "values", d.Values)
	default:
		return fmt.Errorf("%w: %q has kind %q; want continuous, circular, ordinal or categorical", ErrBadDimension, d.Name, d.Kind)
	}
	return nil
}

func checkLabels(dim, what string, labels []string) error {
	if len(labels) == 0 {
		return fmt.Errorf("%w: %q needs at least one of its %s", ErrBadDimension, dim, what)
	}
	for i, l := range labels {
		if l == "" || slices.Index(labels, l) != i {
			return fmt.Errorf("%w: %q %s must be non-empty and distinct (%q)", ErrBadDimension, dim, what, l)
		}
	}
	return nil
}

// Encode turns a coordinate into the number the metric works on: the value
// itself for continuous and circular dimensions (a circular Period is 0),
// the index of the level or value otherwise.
func (d Dimension) Encode(v Value) (float64, error) {
	switch d.Kind {
	case Ordinal:
		return d.index(v, d.Levels)
	case Categorical:
		return d.index(v, d.Values)
	}
	if v.IsLabel {
		return 0, fmt.Errorf("%w: %q takes a number, not %q", ErrWrongType, d.Name, v.Label)
	}
	x := v.Num
	switch {
	case !finite(x):
		return 0, fmt.Errorf("%w: %q = %g", ErrNotFinite, d.Name, x)
	case d.Kind == Circular && (x < 0 || x > d.Period):
		return 0, fmt.Errorf("%w: %q = %g, want 0..%g", ErrOutOfRange, d.Name, x, d.Period)
	case d.Kind == Circular && x == d.Period:
		return 0, nil
	case d.Kind == Continuous && (x < d.Min || x > d.Max):
		return 0, fmt.Errorf("%w: %q = %g, want %g..%g", ErrOutOfRange, d.Name, x, d.Min, d.Max)
	}
	return x, nil
}

func (d Dimension) index(v Value, labels []string) (float64, error) {
	if !v.IsLabel {
		return 0, fmt.Errorf("%w: %q takes one of %q, not the number %g", ErrWrongType, d.Name, labels, v.Num)
	}
	i := slices.Index(labels, v.Label)
	if i < 0 {
		return 0, fmt.Errorf("%w: %q has no %q (it has %q)", ErrUnknownValue, d.Name, v.Label, labels)
	}
	return float64(i), nil
}

// scale is the factor that normalises a difference to 0..1.
func (d Dimension) scale() float64 {
	switch d.Kind {
	case Continuous:
		return 1 / (d.Max - d.Min)
	case Circular:
		return 2 / d.Period
	case Ordinal:
		if len(d.Levels) < 2 {
			return 0
		}
		return 1 / float64(len(d.Levels)-1)
	}
	return 1
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkName refuses names that cannot be shown or addressed: empty, over
// 128 bytes, or with control characters.
func checkName(what, name string) error {
	if name == "" || len(name) > 128 {
		return fmt.Errorf("%w: a %s needs a name of 1..128 bytes", ErrBadName, what)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("%w: %s name %q has a control character", ErrBadName, what, name)
		}
	}
	return nil
}
