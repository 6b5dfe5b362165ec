package graphdomain

import (
	"context"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Query names (the last token of cim.graph.qry.<query>).
const (
	QueryGet  = "get"
	QueryList = "list"
	QueryTree = "tree"
)

// GetRequest asks for one graph: at its latest version, or as it was after
// the store's event at Sequence, or at aggregate Version (set one at
// most).
type GetRequest struct {
	Graph    string `json:"graph"`
	Sequence uint64 `json:"sequence,omitempty"`
	Version  uint64 `json:"version,omitempty"`
}

// View is a graph as a query returns it.
type View struct {
	Graph    *graph.Graph `json:"graph"`
	Archived bool         `json:"archived,omitempty"`
	Version  uint64       `json:"version"`
}

// ListRequest asks for the graphs; archived ones only when Archived is set.
type ListRequest struct {
	Archived bool `json:"archived,omitempty"`
}

// TreeRequest asks for the nesting below Root, at most Depth levels deep
// (0: no limit; recursion is cut where a graph repeats an ancestor).
type TreeRequest struct {
	Root  string `json:"root"`
	Depth int    `json:"depth,omitempty"`
}

// errStop ends a Read early; it never leaves this file.
var errStop = errors.New("stop")

// Graph answers the get query.
func (d *Domain) Graph(ctx context.Context, req GetRequest) (View, error) {
	if err := change.ValidGraphID(req.Graph); err != nil {
		return View{}, err
	}
	var s *change.State
	var err error
	switch {
	case req.Sequence != 0 && req.Version != 0:
		return View{}, fmt.Errorf("%w: ask for a sequence or a version, not both", change.ErrInvalid)
	case req.Sequence != 0:
		s, err = d.atSequence(ctx, req.Graph, req.Sequence)
	case req.Version != 0:
		s, err = d.atVersion(ctx, req.Graph, req.Version)
	default:
		s, err = d.latest(ctx, req.Graph)
	}
	if err != nil {
		return View{}, err
	}
	if !s.Exists() {
		return View{}, fmt.Errorf("%w: graph %q", change.ErrNotFound, req.Graph)
	}
	return View{Graph: s.Graph, Archived: s.Archived, Version: s.Version}, nil
}

func (d *Domain) latest(ctx context.Context, id string) (*change.State, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, err := d.state(ctx, id)
	return s.Clone(), err
}

// atSequence replays the graph's events up to the store position seq.
func (d *Domain) atSequence(ctx context.Context, id string, seq uint64) (*change.State, error) {
	var upto []message.Event
	err := d.store.Read(ctx, 1, eventstore.AggregateSubjects(Name, id), func(e message.Event) error {
		if e.Sequence > seq {
			return errStop
		}
		upto = append(upto, e)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, fmt.Errorf("read graph %q: %w", id, err)
	}
	return applyStored(nil, upto)
}

// atVersion replays the graph's first version events.
func (d *Domain) atVersion(ctx context.Context, id string, v uint64) (*change.State, error) {
	stored, err := d.store.Load(ctx, id, 0)
	if err != nil {
		return nil, fmt.Errorf("load graph %q: %w", id, err)
	}
	if uint64(len(stored)) < v {
		return nil, fmt.Errorf("%w: graph %q has %d versions, not %d", change.ErrNotFound, id, len(stored), v)
	}
	return applyStored(nil, stored[:v])
}
