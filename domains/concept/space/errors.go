package space

import "errors"

// Sentinel errors; every refusal wraps one, with the offending name or
// value, so callers can test with errors.Is.
var (
	ErrUnknownDimension  = errors.New("unknown dimension")
	ErrMissingCoordinate = errors.New("missing coordinate")
	ErrOutOfRange        = errors.New("coordinate out of range")
	ErrNotFinite         = errors.New("coordinate is NaN or infinite")
	ErrUnknownValue      = errors.New("value not in the dimension's set")
	ErrWrongType         = errors.New("coordinate of the wrong type")
	ErrBadDimension      = errors.New("bad dimension")
	ErrBadWeight         = errors.New("bad weight")
	ErrUnknownContext    = errors.New("unknown context")
	ErrUnknownConcept    = errors.New("unknown concept")
	ErrUnknownItem       = errors.New("unknown item")
	ErrDuplicate         = errors.New("name already taken")
	ErrBadName           = errors.New("bad name")
	ErrBadBound          = errors.New("bad bound")
	ErrBadQuery          = errors.New("bad query")
	ErrNoConcepts        = errors.New("space has no concepts")
	ErrNoDimensions      = errors.New("space has no dimensions")
)
