package telemetry_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// counter is the demo counter domain served on a real embedded server.
type counter struct {
	srv    *natsembed.Server
	nc     *nats.Conn
	svc    *service.Service
	client *service.Client
}

// startCounter serves the demo counter domain on a fresh embedded server
// with JetStream, with opts (the observers under test).
func startCounter(t *testing.T, opts ...service.Option) counter {
	t.Helper()
	srv, nc := natstest.Start(t)
	store, err := jsstore.Open(context.Background(), nc, demo.Domain.Name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	svc, err := demo.Domain.Start(nc, store, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return counter{srv: srv, nc: nc, svc: svc, client: service.NewClient(nc, demo.Domain.Name)}
}

// send sends one counter command and returns its ack and status code (0
// when accepted).
func (c counter) send(t *testing.T, cmd message.Command) (service.Ack, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ack, err := c.client.Send(ctx, cmd)
	if err != nil {
		return ack, service.Code(err)
	}
	return ack, 0
}

// command is a new root command of the counter domain.
func command(typ, aggregate, payload string) message.Command {
	return message.NewCommand(demo.Domain.Name, typ, aggregate, json.RawMessage(payload))
}

// sendMix sends six commands with known outcomes: create accepted, the
// same create a duplicate, an increment past the limit (400), an
// increment of a missing counter (404), a second create of the same
// counter (409) and an unknown command (400). It returns the first ack.
func (c counter) sendMix(t *testing.T) service.Ack {
	t.Helper()
	create := command("create", "c1", `{"name":"visits","limit":2}`)
	want := []struct {
		cmd  message.Command
		code int
	}{
		{create, 0}, {create, 0},
		{command("increment", "c1", `{"by":3}`), 400},
		{command("increment", "nope", `{"by":1}`), 404},
		{command("create", "c1", `{"name":"again"}`), 409},
		{command("explode", "c1", `{}`), 400},
	}
	var first service.Ack
	for i, w := range want {
		ack, code := c.send(t, w.cmd)
		if code != w.code {
			t.Fatalf("command %d (%s): code %d, want %d", i, w.cmd.Type, code, w.code)
		}
		if i == 0 {
			first = ack
		}
	}
	return first
}

// eventually polls cond until it holds or ten seconds pass: observers run
// just after the reply, so a test that has its answer may be early.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within 10s: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
