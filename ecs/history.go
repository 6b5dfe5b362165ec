package ecs

import (
	"errors"
	"fmt"

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

// plan predicts a group of commands against a copy of state: each
// command is decided and applied in turn so the next inverse sees the
// state its command will meet. It fails on the first refused command.
// It returns the step and the state after it.
func plan(state *change.State, label string, cmds []change.Command, known change.Known) (Step, *change.State, error) {
	st := state.Clone()
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

// record pushes a new user step: it clears the redo stack (the redo
// steps stay in the log).
func (h *History) record(s Step) {
	h.Undo = append(h.Undo, s)
	h.Redo = nil
	h.Log = append(h.Log, s)
}

// popUndo moves the last step to the redo stack and returns it.
func (h *History) popUndo() (Step, error) {
	if len(h.Undo) == 0 {
		return Step{}, ErrNothingToUndo
	}
	s := h.Undo[len(h.Undo)-1]
	h.Undo = h.Undo[:len(h.Undo)-1]
	h.Redo = append(h.Redo, s)
	return s, nil
}

// popRedo moves the last undone step back to the undo stack.
func (h *History) popRedo() (Step, error) {
	if len(h.Redo) == 0 {
		return Step{}, ErrNothingToRedo
	}
	s := h.Redo[len(h.Redo)-1]
	h.Redo = h.Redo[:len(h.Redo)-1]
	h.Undo = append(h.Undo, s)
	return s, nil
}
