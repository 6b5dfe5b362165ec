package model

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/cimviz/cimviz/domains/concept/space"
)

// ErrAxes marks an axis choice the view cannot show.
var ErrAxes = errors.New("axes")

// Kind says whether a dragged point is a concept's prototype or an item.
type Kind uint8

// Point kinds.
const (
	Prototype Kind = iota + 1
	ItemPoint
)

// Pending is a point being dragged (or moved and not yet confirmed by the
// service): where it is now on the view's axes.
type Pending struct {
	Kind  Kind
	Index int
	Name  string
	To    []float64 // coordinates on the view's axes
	Sent  bool      // the command went out; waiting for the service
}

// State is what the view shows: the space as the service last said, the
// axes and context chosen, and edits not yet confirmed (a dragged point,
// slider weights). Every change bumps Rev; derived data is recomputed
// only when Rev moved.
type State struct {
	ID          string
	Space       *space.Space
	Version     uint64
	Axes        []string
	Context     string
	Pending     *Pending
	Weights     map[string]float64 // the sliders' weights while one is dragged or sent
	weightsSent bool
	Status      string
	Failed      bool
	rev         uint64
	derived     *Derived
}

// NewState starts a view of space id on the given axes (none: the first
// two dimensions).
func NewState(id string, axes ...string) *State {
	return &State{ID: id, Axes: axes, Context: space.DefaultContext, rev: 1}
}

// Rev changes whenever anything the view shows changed.
func (s *State) Rev() uint64 { return s.rev }

// Touch records a change made from outside (the window size, the camera).
func (s *State) Touch() { s.rev++ }

// SetSpace takes the space the service answered: unconfirmed edits are
// dropped (the answer includes them if they were accepted). Axes the
// space lacks are an error on the first answer; later (a dimension
// removed meanwhile) the view falls back to the first two dimensions.
func (s *State) SetSpace(sp *space.Space, version uint64) error {
	axes, err := pickAxes(sp, s.Axes)
	if err != nil && s.Space != nil && len(sp.Dimensions) >= 2 {
		axes, err = dimNames(sp)[:2], nil // an axis went away: show the first two
	}
	if err != nil {
		return err
	}
	s.Space, s.Version, s.Axes = sp, version, axes
	if s.Pending != nil && s.Pending.Sent {
		s.Pending = nil
	}
	if s.weightsSent {
		s.Weights, s.weightsSent = nil, false
	}
	if !slices.Contains(s.Contexts(), s.Context) {
		s.Context = space.DefaultContext
	}
	s.rev++
	return nil
}

// Refused undoes the unconfirmed edits after the service said no, and
// shows why.
func (s *State) Refused(what string, err error) {
	s.Pending, s.Weights = nil, nil
	s.Say(fmt.Sprintf("%s refused: %v", what, err), true)
}

// Say shows a status line.
func (s *State) Say(msg string, failed bool) {
	s.Status, s.Failed = msg, failed
	s.rev++
}

// pickAxes keeps the wanted axes when they exist (2 or 3 of them), else
// takes the first two dimensions.
func pickAxes(sp *space.Space, want []string) ([]string, error) {
	if len(want) >= 2 && len(want) <= 3 && !slices.ContainsFunc(want, func(n string) bool { return sp.Dimension(n) < 0 }) {
		return want, nil
	}
	if len(want) > 0 && len(sp.Dimensions) >= 2 {
		return nil, fmt.Errorf("%w: %q: want 2 or 3 of the space's dimensions %q", ErrAxes, want, dimNames(sp))
	}
	if len(sp.Dimensions) < 2 {
		return nil, fmt.Errorf("%w: the space has %d dimensions, a view needs 2", ErrAxes, len(sp.Dimensions))
	}
	return dimNames(sp)[:2], nil
}

func dimNames(sp *space.Space) []string {
	out := make([]string, len(sp.Dimensions))
	for i, d := range sp.Dimensions {
		out[i] = d.Name
	}
	return out
}

// Contexts are the space's weight sets: "default" first, then the rest
// by name.
func (s *State) Contexts() []string {
	out := []string{space.DefaultContext}
	if s.Space == nil {
		return out
	}
	for _, c := range slices.Sorted(maps.Keys(s.Space.Weights)) {
		if c != space.DefaultContext {
			out = append(out, c)
		}
	}
	return out
}

// ToggleAxis adds a dimension to the axes (a third one makes the view
// 3D; with three, it replaces the last) or removes it when more than two
// are shown.
func (s *State) ToggleAxis(name string) {
	switch i := slices.Index(s.Axes, name); {
	case i >= 0 && len(s.Axes) > 2:
		s.Axes = slices.Delete(slices.Clone(s.Axes), i, i+1)
	case i >= 0:
		return
	case len(s.Axes) < 3:
		s.Axes = append(slices.Clone(s.Axes), name)
	default:
		s.Axes = append(slices.Clone(s.Axes[:2]), name)
	}
	s.Pending = nil
	s.rev++
}

// SetContext shows another weight set.
func (s *State) SetContext(c string) {
	if c != s.Context {
		s.Context, s.Weights = c, nil
		s.rev++
	}
}

// ContextWeights are the weights of the current context by domain
// (sliders' values while one is pending), every domain named.
func (s *State) ContextWeights() map[string]float64 {
	out := map[string]float64{}
	for _, dom := range s.Space.Domains() {
		out[dom] = 1
		if w, ok := s.Space.Weights[s.Context][dom]; ok {
			out[dom] = w
		}
		if w, ok := s.Weights[dom]; ok {
			out[dom] = w
		}
	}
	return out
}
