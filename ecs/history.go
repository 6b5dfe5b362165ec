package ecs

import (
	"errors"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/graph/change"
)

// ErrNothingToUndo and ErrNothingToRedo are reported when the history has
// no step in that direction.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)

// Step is one user action: the commands it issued, with the inverse of
// each computed from the state at issue time.
type Step struct {
	Label    string
	Commands []change.Command
	Inverses []change.Command
}

// History is a resource: this client's undo and redo stacks and the log of
// every step issued (undo and redo included), which is never cleared.
type History struct {
	Undo []Step
	Redo []Step
	Log  []Step
}

// plan predicts a group of commands against state: each command is
// decided and applied in turn so the next inverse sees the state its
// command will meet. It fails on the first refused command. It returns the
// step and the state after it. A state the caller owns (a prediction of
// its own) is changed in place; any other is copied first, except for a
// single command, whose inverse and decision only read it: then the state
// after is nil, for the caller to rebuild if it needs it. Copying a graph
// of thousands of nodes on every gesture was most of a gesture's cost.
func plan(state *change.State, label string, cmds []change.Command, known change.Known, owned bool) (Step, *change.State, error) {
	if len(cmds) == 1 && !owned {
		return planOne(state, label, cmds[0], known)
	}
	st := state
	if !owned {
		st = state.Clone()
	}
	step := Step{Label: label}
	for _, c := range cmds {
		inv, err := change.Inverse(st, c)
		if err != nil {
			return Step{}, nil, fmt.Errorf("%s: %w", label, err)
		}
		evs, err := change.Decide(st, c, known)
		if err != nil {
			return Step{}, nil, fmt.Errorf("%s: %w", label, err)
		}
		if st, err = applyAll(st, evs); err != nil {
			return Step{}, nil, fmt.Errorf("%s: %w", label, err)
		}
		step.Commands = append(step.Commands, c)
		step.Inverses = append(step.Inverses, inv)
	}
	return step, st, nil
}

// planOne is plan for one command on a state it must not change.
func planOne(state *change.State, label string, c change.Command, known change.Known) (Step, *change.State, error) {
	inv, err := change.Inverse(state, c)
	if err == nil {
		_, err = change.Decide(state, c, known)
	}
	if err != nil {
		return Step{}, nil, fmt.Errorf("%s: %w", label, err)
	}
	return Step{Label: label, Commands: []change.Command{c}, Inverses: []change.Command{inv}}, nil, nil
}

func applyAll(st *change.State, evs []change.Event) (*change.State, error) {
	var err error
	for _, e := range evs {
		if st, err = change.Apply(st, e); err != nil {
			return st, err
		}
	}
	return st, nil
}

// undoCommands are the inverses of a step, last first.
func (s Step) undoCommands() []change.Command {
	out := make([]change.Command, 0, len(s.Inverses))
	for i := len(s.Inverses) - 1; i >= 0; i-- {
		out = append(out, s.Inverses[i])
	}
	return out
}

// Graph is the graph a step changes (every command of a step targets
// the graph open when it was issued).
func (s Step) Graph() string {
	if len(s.Commands) == 0 {
		return ""
	}
	return s.Commands[0].Target()
}

// record pushes a new user step: it drops the redo steps of the same graph
// (they stay in the log).
func (h *History) record(s Step) {
	h.Undo = append(h.Undo, s)
	h.Redo = slices.DeleteFunc(h.Redo, func(r Step) bool { return r.Graph() == s.Graph() })
	h.Log = append(h.Log, s)
}

// popUndo moves the last step on graph g to the redo stack and returns it:
// each open graph has its own undo order.
func (h *History) popUndo(g string) (Step, error) {
	s, ok := takeLast(&h.Undo, g)
	if !ok {
		return Step{}, ErrNothingToUndo
	}
	h.Redo = append(h.Redo, s)
	return s, nil
}

// popRedo moves the last undone step on graph g back to the undo stack.
func (h *History) popRedo(g string) (Step, error) {
	s, ok := takeLast(&h.Redo, g)
	if !ok {
		return Step{}, ErrNothingToRedo
	}
	h.Undo = append(h.Undo, s)
	return s, nil
}

// takeLast removes and returns the last step on graph g.
func takeLast(stack *[]Step, g string) (Step, bool) {
	for i := len(*stack) - 1; i >= 0; i-- {
		if s := (*stack)[i]; s.Graph() == g {
			*stack = slices.Delete(*stack, i, i+1)
			return s, true
		}
	}
	return Step{}, false
}
