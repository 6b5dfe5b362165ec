package graphdomain

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph/change"
)

// Version is the graph service's version, shown by $SRV.INFO.
const Version = "0.1.0"

// Spec is the graph domain for the CQRS harness (domains/service): the
// aggregate of graph/change, every one of its commands, and the get and
// tree queries. The catalog answers "does that graph exist?" for subgraph
// links and resolves the nesting tree.
func Spec(store eventstore.Store, cat *Catalog, opts ...SpecOption) service.Domain[*change.State] {
	var o specOptions
	for _, opt := range opts {
		opt(&o)
	}
	return service.Domain[*change.State]{
		Name: Name, Version: Version,
		Description: "graphs of the CIM: nodes, edges, subgraph links, layouts",
		New:         func() *change.State { return nil },
		Decide:      func(s *change.State, cmd message.Command) ([]service.Draft, error) { return decide(s, cmd, cat, store) },
		Apply:       apply,
		Commands:    commandSpecs(),
		Queries:     queries(store, cat, o),
		Views:       views(cat, o),
	}
}

// SpecOption tunes [Spec].
type SpecOption func(*specOptions)

type specOptions struct {
	maxReply int
}

// WithMaxReply refuses a get whose answer is over n bytes with
// [ErrTooLarge] at once, instead of a reply NATS would not deliver (the
// client would wait for its timeout). Servable sets it to the
// connection's max payload.
func WithMaxReply(n int) SpecOption { return func(o *specOptions) { o.maxReply = n } }

// commandSpecs serves every command of graph/change. All may retry on a
// conflict: Decide checks the command against the fresh state again.
func commandSpecs() map[string]service.CommandSpec {
	specs := map[string]service.CommandSpec{}
	for _, typ := range change.CommandTypes() {
		creates := typ == change.TypeCreateGraph || typ == change.TypeImportGraph
		specs[typ] = service.CommandSpec{Creates: creates, Retry: true}
	}
	return specs
}

func decide(s *change.State, cmd message.Command, cat *Catalog, store eventstore.Store) ([]service.Draft, error) {
	c, err := change.DecodeCommand(cmd.Type, cmd.Payload)
	if err != nil {
		return nil, refusal(err)
	}
	if c.Target() != cmd.AggregateID {
		return nil, fmt.Errorf("%w: %s names graph %q but was sent to aggregate %q", service.ErrInvalid, cmd.Type, c.Target(), cmd.AggregateID)
	}
	events, err := change.Decide(s, c, cat.Known(store))
	if err != nil {
		return nil, refusal(err)
	}
	drafts := make([]service.Draft, len(events))
	for i, e := range events {
		drafts[i] = service.Draft{Type: e.EventType(), Payload: e}
	}
	return drafts, nil
}

// apply folds a stored event into the state. An event that does not fit
// (a log not written by this domain) is logged and skipped: the harness's
// Apply cannot fail.
func apply(s *change.State, m message.Event) *change.State {
	e, err := DecodeEvent(m)
	if err == nil {
		var next *change.State
		if next, err = change.Apply(s, e); err == nil {
			return next
		}
	}
	slog.Warn("graph event skipped", "graph", m.AggregateID, "version", m.Version, "type", m.Type, "err", err)
	return s
}

// refused is an error with a second sentinel to match: a graph/change
// refusal with the harness status it gets, or a wire error restored to
// ErrTooLarge. errors.Is finds both; the text is the error's own.
type refused struct{ err, code error }

func (r refused) Error() string   { return r.err.Error() }
func (r refused) Unwrap() []error { return []error{r.err, r.code} }

// refusal maps a refusal to a status: a missing graph, node, edge or
// linked graph is 404; a duplicate ID or an archived graph conflicts with
// the graph's state (409); anything else is a bad command (400).
func refusal(err error) error {
	code := service.ErrInvalid
	switch {
	case errors.Is(err, change.ErrNotFound):
		code = service.ErrNotFound
	case errors.Is(err, change.ErrDuplicate), errors.Is(err, change.ErrArchived):
		code = service.ErrConflict
	}
	return refused{err: err, code: code}
}
