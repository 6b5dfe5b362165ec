package graphdomain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Query names (the last token of cim.graph.qry.<query>; the graph is the
// request's X-Aggregate-ID).
const (
	QueryGet  = "get"
	QueryTree = "tree"
	QueryList = "list"
	// QueryEvents is a window of the domain's stored events, in bulk (a
	// view: the catalog keeps them as it follows the stream).
	QueryEvents = "events"
)

// EventsArgs asks for the stored events from sequence From on.
type EventsArgs struct {
	From uint64 `json:"from"`
}

// GetArgs picks a past state of the graph: as it was once the store's
// event at Sequence was stored, or at aggregate Version. Neither: the
// latest.
type GetArgs struct {
	Sequence uint64 `json:"sequence,omitempty"`
	Version  uint64 `json:"version,omitempty"`
}

// View is a graph as the get query returns it.
type View struct {
	Graph    *graph.Graph `json:"graph"`
	Archived bool         `json:"archived,omitempty"`
	Version  uint64       `json:"version"`
}

// TreeArgs limits the nesting tree to Depth levels (0: no limit; recursion
// is cut where a graph repeats an ancestor).
type TreeArgs struct {
	Depth int `json:"depth,omitempty"`
}

// ListArgs asks for archived graphs too.
type ListArgs struct {
	Archived bool `json:"archived,omitempty"`
}

// ErrTooLarge marks a graph whose get answer is over the reply limit;
// [Rebuild] reads it from the stream instead. [Client.Get] restores it
// from the wire (where it is a 400 whose text starts with tooLargeText).
var ErrTooLarge = errors.New("graph too large for one reply")

const tooLargeText = "graph too large for one reply"

// pageBudget is how many bytes of events fit one reply (the window's
// binary form, as it is: see service.Raw), with room to spare.
func pageBudget(maxReply int) int {
	if maxReply <= 0 {
		maxReply = 1 << 20
	}
	return maxReply - 4096
}

// views are the domain-wide queries: list answers from the catalog, which
// follows the store.
func views(cat *Catalog, o specOptions) map[string]service.View {
	return map[string]service.View{
		QueryEvents: func(_ context.Context, args json.RawMessage) (any, error) {
			var a EventsArgs
			if err := decodeArgs(args, &a); err != nil {
				return nil, err
			}
			return service.Raw(cat.log.Window(max(a.From, 1), pageBudget(o.maxReply)).Binary()), nil
		},
		QueryList: func(_ context.Context, args json.RawMessage) (any, error) {
			var a ListArgs
			if err := decodeArgs(args, &a); err != nil {
				return nil, err
			}
			return cat.List(a.Archived), nil
		},
	}
}

func queries(store eventstore.Store, cat *Catalog, o specOptions) map[string]service.Query[*change.State] {
	return map[string]service.Query[*change.State]{
		QueryGet: func(s *change.State, v uint64, args json.RawMessage) (any, error) {
			answer, err := get(store, s, v, args)
			if err != nil || o.maxReply <= 0 {
				return answer, err
			}
			return limited(answer, o.maxReply)
		},
		QueryTree: func(s *change.State, _ uint64, args json.RawMessage) (any, error) {
			return tree(store, cat, s, args)
		},
	}
}

func get(store eventstore.Store, s *change.State, v uint64, args json.RawMessage) (any, error) {
	var a GetArgs
	if err := decodeArgs(args, &a); err != nil {
		return nil, err
	}
	if !s.Exists() {
		return nil, fmt.Errorf("%w: graph has no content", service.ErrNotFound)
	}
	if a.Sequence == 0 && a.Version == 0 {
		return View{Graph: s.Graph, Archived: s.Archived, Version: v}, nil
	}
	past, err := pastState(store, s.Graph.ID, a)
	if err != nil {
		return nil, err
	}
	return View{Graph: past.Graph, Archived: past.Archived, Version: past.Version}, nil
}

func pastState(store eventstore.Store, id string, a GetArgs) (*change.State, error) {
	ctx, cancel := context.WithTimeout(context.Background(), catchUpTimeout)
	defer cancel()
	var s *change.State
	var err error
	switch {
	case a.Sequence != 0 && a.Version != 0:
		return nil, fmt.Errorf("%w: ask for a sequence or a version, not both", service.ErrInvalid)
	case a.Sequence != 0:
		s, err = AtSequence(ctx, store, id, a.Sequence)
	default:
		s, err = AtVersion(ctx, store, id, a.Version)
	}
	if err == nil && !s.Exists() {
		err = fmt.Errorf("%w: graph %q did not exist at sequence %d", change.ErrNotFound, id, a.Sequence)
	}
	if err != nil {
		return nil, refusal(err)
	}
	return s, nil
}

func tree(store eventstore.Store, cat *Catalog, s *change.State, args json.RawMessage) (any, error) {
	var a TreeArgs
	if err := decodeArgs(args, &a); err != nil {
		return nil, err
	}
	if !s.Exists() {
		return nil, fmt.Errorf("%w: graph has no content", service.ErrNotFound)
	}
	ctx, cancel := context.WithTimeout(context.Background(), catchUpTimeout)
	defer cancel()
	if err := cat.CatchUp(ctx, store); err != nil {
		return nil, err
	}
	t, err := cat.Tree(s.Graph.ID, a.Depth)
	if err != nil {
		return nil, refusal(err)
	}
	return t, nil
}

// replyRoom is what a reply needs beside its body (headers, subject).
const replyRoom = 4 << 10

// limited marshals an answer and refuses it when it would not fit in one
// NATS message.
func limited(answer any, maxReply int) (any, error) {
	raw, err := json.Marshal(answer)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", service.ErrInternal, err)
	}
	if len(raw) > maxReply-replyRoom {
		return nil, fmt.Errorf("%w: %s: %d bytes, limit %d; read it from the stream", service.ErrInvalid, tooLargeText, len(raw), maxReply-replyRoom)
	}
	return json.RawMessage(raw), nil
}

func decodeArgs(args json.RawMessage, into any) error {
	if len(args) == 0 {
		return nil
	}
	if err := json.Unmarshal(args, into); err != nil {
		return fmt.Errorf("%w: query arguments: %v", service.ErrInvalid, err)
	}
	return nil
}
