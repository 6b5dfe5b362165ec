package wfservice

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/graph"
)

// Client talks to the workflow services like any other client would.
type Client struct {
	Instances   *service.Client
	Definitions *service.Client
}

// NewClient returns a client on nc.
func NewClient(nc *nats.Conn) *Client {
	return &Client{Instances: service.NewClient(nc, InstanceDomain), Definitions: service.NewClient(nc, DefDomain)}
}

// Publish publishes g as a new workflow (version 1), or as its next
// version when it exists and next is set. It returns the version.
func (c *Client) Publish(ctx context.Context, g *graph.Graph, next bool) (int, error) {
	typ := CmdPublish
	if next {
		typ = CmdPublishVersion
	}
	if _, err := c.send(ctx, c.Definitions, nil, typ, g.ID, Publish{Graph: g}); err != nil {
		return 0, err
	}
	var v DefinitionView
	err := c.Definitions.Query(ctx, QueryDefinition, g.ID, nil, &v)
	return v.Version, err
}

// EnsurePublished publishes g unless a workflow with its ID exists.
func (c *Client) EnsurePublished(ctx context.Context, g *graph.Graph) error {
	_, err := c.Publish(ctx, g, false)
	if errors.Is(err, service.ErrConflict) {
		return nil
	}
	return err
}

// Start runs a new instance; the start command is a root (a new
// correlation). It returns the command's identity.
func (c *Client) Start(ctx context.Context, id, wf string, vars map[string]any) (message.Identity, error) {
	return c.send(ctx, c.Instances, nil, workflow.TypeStartInstance, id, StartPayload{Workflow: wf, Context: vars})
}

// Send sends a command about an instance, caused by cause (nil: a root).
func (c *Client) Send(ctx context.Context, cause *message.Event, cmd workflow.Command) (message.Identity, error) {
	return c.SendAs(ctx, "", cause, cmd)
}

// SendAs sends a command about an instance on behalf of actor (its
// X-Actor header), caused by cause (nil: a root).
func (c *Client) SendAs(ctx context.Context, actor string, cause *message.Event, cmd workflow.Command) (message.Identity, error) {
	return c.sendAs(ctx, c.Instances, actor, cause, cmd.CommandType(), cmd.Target(), cmd)
}

func (c *Client) send(ctx context.Context, to *service.Client, cause *message.Event, typ, id string, payload any) (message.Identity, error) {
	return c.sendAs(ctx, to, "", cause, typ, id, payload)
}

func (c *Client) sendAs(ctx context.Context, to *service.Client, actor string, cause *message.Event, typ, id string, payload any) (message.Identity, error) {
	body, err := json.Marshal(payload)
	if err != nil {
		return message.Identity{}, fmt.Errorf("%s payload: %w", typ, err)
	}
	ident := message.NewRoot()
	if cause != nil {
		ident = cause.Identity.Caused()
	}
	cmd := message.Command{Identity: ident, Type: typ, AggregateID: id, Payload: body, Actor: actor}
	_, err = to.Send(ctx, cmd)
	return ident, err
}

// Instance reads an instance.
func (c *Client) Instance(ctx context.Context, id string) (*workflow.Instance, error) {
	var in workflow.Instance
	return &in, c.Instances.Query(ctx, QueryInstance, id, nil, &in)
}

// History reads an instance's events.
func (c *Client) History(ctx context.Context, id string) ([]HistoryEntry, error) {
	var h []HistoryEntry
	return h, c.Instances.Query(ctx, QueryHistory, id, nil, &h)
}

// List reads a workflow's instances ("" for every workflow's), in one
// state ("" for all).
func (c *Client) List(ctx context.Context, wf string, state workflow.State) ([]Summary, error) {
	var s []Summary
	if wf == "" {
		return s, c.Definitions.Query(ctx, QueryAllInstances, "", InstancesArgs{State: state}, &s)
	}
	return s, c.Definitions.Query(ctx, QueryInstances, wf, InstancesArgs{State: state}, &s)
}
