package service

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// Client sends commands and queries to one domain's service.
type Client struct {
	nc     *nats.Conn
	domain string
}

// NewClient returns a client of domain's service on nc.
func NewClient(nc *nats.Conn, domain string) *Client { return &Client{nc: nc, domain: domain} }

// Send sends cmd and waits for its ack. A refusal comes back as an *Error
// that wraps this package's sentinel for its code (errors.Is(err,
// ErrConflict), ...). Sending the same command again (same message ID) is
// safe: it takes effect once and the ack is the original one.
func (c *Client) Send(ctx context.Context, cmd message.Command) (Ack, error) {
	msg, err := CommandMsg(c.domain, cmd)
	if err != nil {
		return Ack{}, err
	}
	reply, err := c.nc.RequestMsgWithContext(ctx, msg)
	if err != nil {
		return Ack{}, fmt.Errorf("send %s.%s: %w", c.domain, cmd.Type, err)
	}
	return DecodeAck(reply)
}

// Query asks the named query about one aggregate and decodes the answer
// into out.
func (c *Client) Query(ctx context.Context, name, aggregateID string, args, out any) error {
	subj, err := subject.Query(c.domain, name)
	if err != nil {
		return err
	}
	msg := nats.NewMsg(subj)
	msg.Header.Set(message.HeaderAggregateID, aggregateID)
	if args != nil {
		if msg.Data, err = json.Marshal(args); err != nil {
			return fmt.Errorf("query %s args: %w", name, err)
		}
	}
	reply, err := c.nc.RequestMsgWithContext(ctx, msg)
	if err != nil {
		return fmt.Errorf("query %s.%s: %w", c.domain, name, err)
	}
	if err := ReplyError(reply); err != nil {
		return err
	}
	if raw, ok := out.(*Raw); ok {
		*raw = reply.Data
		return nil
	}
	return json.Unmarshal(reply.Data, out)
}

// Raw is a view's answer in a binary form of its own: the service sends it
// as it is, not as JSON, and [Client.Query] into a *Raw hands it back as it
// came (for bulk data, where JSON would cost more than the data).
type Raw []byte

// CommandMsg is the wire form of cmd for domain (for callers that
// pipeline requests themselves).
func CommandMsg(domain string, cmd message.Command) (*nats.Msg, error) {
	subj, err := subject.Command(domain, cmd.Type)
	if err != nil {
		return nil, err
	}
	return &nats.Msg{Subject: subj, Header: cmd.Headers(), Data: cmd.Payload}, nil
}

// DecodeAck reads a command's reply: its ack, or its error.
func DecodeAck(reply *nats.Msg) (Ack, error) {
	if err := ReplyError(reply); err != nil {
		return Ack{}, err
	}
	ack, err := decodeAckBody(reply.Data)
	if err != nil {
		return Ack{}, fmt.Errorf("%w: reply is not an ack: %v", ErrInternal, err)
	}
	return ack, nil
}

// ReplyError returns the *Error a reply carries in micro's error headers,
// or nil.
func ReplyError(reply *nats.Msg) error {
	code := reply.Header.Get(micro.ErrorCodeHeader)
	if code == "" {
		return nil
	}
	n, err := strconv.Atoi(code)
	if err != nil {
		n = 500
	}
	return &Error{Code: n, Description: reply.Header.Get(micro.ErrorHeader)}
}
