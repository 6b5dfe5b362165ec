package workflow

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors; every error of this package wraps one of them.
var (
	// ErrInvalid: a malformed command or graph (empty IDs, bad JSON).
	ErrInvalid = errors.New("invalid")
	// ErrInvalidDefinition: a graph that is not a valid workflow; the error
	// is a [*ValidationError] with every problem.
	ErrInvalidDefinition = errors.New("invalid workflow definition")
	// ErrIllegal: the command is not allowed in the current state; the
	// message names that state.
	ErrIllegal = errors.New("illegal transition")
	// ErrNotFound: the instance, step or definition does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists: the instance exists already.
	ErrExists = errors.New("already exists")
	// ErrUnauthorized: the command's actor may not do this (an assigned
	// approval decided by someone who is not a candidate).
	ErrUnauthorized = errors.New("unauthorized")
)

// Problem is one defect of a graph, pointing at its node or edge (or at
// neither, for a defect of the whole graph).
type Problem struct {
	Node string `json:"node,omitempty"`
	Edge string `json:"edge,omitempty"`
	Msg  string `json:"msg"`
}

func (p Problem) String() string {
	switch {
	case p.Node != "":
		return fmt.Sprintf("node %q: %s", p.Node, p.Msg)
	case p.Edge != "":
		return fmt.Sprintf("edge %q: %s", p.Edge, p.Msg)
	}
	return p.Msg
}

func nodeProblem(id, format string, args ...any) Problem {
	return Problem{Node: id, Msg: fmt.Sprintf(format, args...)}
}

func edgeProblem(id, format string, args ...any) Problem {
	return Problem{Edge: id, Msg: fmt.Sprintf(format, args...)}
}

// ValidationError lists every problem that keeps a graph from being
// published as a workflow.
type ValidationError struct {
	Workflow string    `json:"workflow"`
	Problems []Problem `json:"problems"`
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%v %q: %d problem(s): %s", ErrInvalidDefinition, e.Workflow, len(e.Problems), strings.Join(lines, "; "))
}

// Unwrap returns ErrInvalidDefinition.
func (e *ValidationError) Unwrap() error { return ErrInvalidDefinition }

// illegal builds an ErrIllegal error naming the current state.
func illegal[S ~string](what string, state S, action string) error {
	return fmt.Errorf("%w: %s is %s, cannot %s", ErrIllegal, what, state, action)
}
