package change

import (
	"errors"

	"github.com/cimviz/cimviz/graph"
)

// Sentinel errors of refusals. ErrInvalid, ErrNotFound and ErrDuplicate are
// the graph package's own sentinels, so errors.Is works with either name.
var (
	// ErrInvalid: the command is malformed (empty or ill-formed ID,
	// unknown type, bad JSON).
	ErrInvalid = graph.ErrInvalid
	// ErrNotFound: the graph, node, edge or linked graph does not exist.
	ErrNotFound = graph.ErrNotFound
	// ErrDuplicate: the graph, node or edge ID is taken.
	ErrDuplicate = graph.ErrDuplicateID
	// ErrArchived: the graph is archived; unarchive it to edit it.
	ErrArchived = errors.New("graph archived")
)
