package graphdomain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Client speaks to the graph service in graph/change's terms. Errors are
// the harness's: errors.Is(err, service.ErrNotFound) and so on.
type Client struct {
	c *service.Client
}

// NewClient returns a client of the graph service on nc.
func NewClient(nc *nats.Conn) *Client { return &Client{c: service.NewClient(nc, Name)} }

// Command wraps a graph command in a root envelope (a new correlation).
func Command(c change.Command) (message.Command, error) {
	payload, err := json.Marshal(c)
	if err != nil {
		return message.Command{}, fmt.Errorf("%w: %s: %v", change.ErrInvalid, c.CommandType(), err)
	}
	return message.NewCommand(Name, c.CommandType(), c.Target(), payload), nil
}

// Send sends one command and waits for its ack.
func (c *Client) Send(ctx context.Context, cmd change.Command) (service.Ack, error) {
	m, err := Command(cmd)
	if err != nil {
		return service.Ack{}, err
	}
	ack, err := c.c.Send(ctx, m)
	if err != nil {
		return ack, fmt.Errorf("%s %s: %w", cmd.CommandType(), cmd.Target(), err)
	}
	return ack, nil
}

// Get returns a graph now, or at a past sequence or version; its indexes
// are rebuilt, so it is ready for graph's methods.
func (c *Client) Get(ctx context.Context, id string, at GetArgs) (View, error) {
	var v View
	if err := c.c.Query(ctx, QueryGet, id, at, &v); err != nil {
		var werr *service.Error
		if errors.As(err, &werr) && strings.Contains(werr.Description, tooLargeText) {
			return View{}, fmt.Errorf("graph %q: %w", id, refused{err: err, code: ErrTooLarge})
		}
		return View{}, fmt.Errorf("graph %q: %w", id, err)
	}
	if v.Graph == nil {
		return View{}, fmt.Errorf("%w: graph %q: reply without a graph", service.ErrInternal, id)
	}
	return v, v.Graph.Reindex()
}

// Tree returns the nesting below root, at most depth levels (0: all).
func (c *Client) Tree(ctx context.Context, root string, depth int) (graph.TreeNode, error) {
	var t graph.TreeNode
	if err := c.c.Query(ctx, QueryTree, root, TreeArgs{Depth: depth}, &t); err != nil {
		return graph.TreeNode{}, fmt.Errorf("tree of %q: %w", root, err)
	}
	return t, nil
}

// List returns a summary of every graph (archived ones only when asked).
func (c *Client) List(ctx context.Context, archived bool) ([]Summary, error) {
	var out []Summary
	if err := c.c.Query(ctx, QueryList, "", ListArgs{Archived: archived}, &out); err != nil {
		return nil, fmt.Errorf("list graphs: %w", err)
	}
	return out, nil
}
