package service_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// noRenames refuses renames by anyone but person-ada and counts its calls.
type noRenames struct {
	calls atomic.Int64
	seen  atomic.Value // the last Admission's state, as a demo.Counter
}

func (g *noRenames) Admit(_ context.Context, a service.Admission) error {
	g.calls.Add(1)
	g.seen.Store(a.State())
	if a.Command.Type == "rename" && a.Command.Actor != "person-ada" {
		return fmt.Errorf("%w: rule %q: %s may not rename", service.ErrUnauthorized, "only-ada-renames", a.Command.Actor)
	}
	return nil
}

// A gate sees the command, its actor and the aggregate's state before the
// decision; a refusal is a 403 that names the rule, and appends nothing.
func TestGateRefusesBeforeDeciding(t *testing.T) {
	eachStore(t, func(t *testing.T, open func() eventstore.Store) {
		store := open()
		g := &noRenames{}
		e := newEngine(t, store, quiet, service.WithGate(g))
		mustExecute(t, e, command("create", "c1", `{"name":"visits"}`))
		ken := command("rename", "c1", `{"name":"hits"}`)
		ken.Actor = "person-ken"
		_, err := e.Execute(context.Background(), ken)
		if !errors.Is(err, service.ErrUnauthorized) || service.Code(err) != 403 || !strings.Contains(err.Error(), "only-ada-renames") {
			t.Fatalf("ken's rename: err = %v, want 403 naming the rule", err)
		}
		if got := g.seen.Load().(demo.Counter); got.Name != "visits" {
			t.Fatalf("gate saw state %+v, want the created counter", got)
		}
		if n := len(load(t, store, "c1")); n != 1 {
			t.Fatalf("%d events stored, want only the create", n)
		}
		ada := command("rename", "c1", `{"name":"hits"}`)
		ada.Actor = "person-ada"
		if ack := mustExecute(t, e, ada); ack.Version != 2 {
			t.Fatalf("ada's rename: %+v", ack)
		}
		if s := e.Stats(); s.Rejected != 1 || s.Accepted != 2 {
			t.Fatalf("stats %+v, want 1 rejected, 2 accepted", s)
		}
	})
}

// A command already taken in is answered from the aggregate's memory, not
// judged again; a command refused by the harness's own rules never
// reaches the gate.
func TestGateSkipsDuplicatesAndHarnessRefusals(t *testing.T) {
	g := &noRenames{}
	e := newEngine(t, newStore(t), quiet, service.WithGate(g))
	create := command("create", "c1", `{"name":"visits"}`)
	mustExecute(t, e, create)
	if ack := mustExecute(t, e, create); !ack.Duplicate {
		t.Fatalf("retry: %+v, want the original ack", ack)
	}
	if _, err := e.Execute(context.Background(), command("rename", "nope", `{"name":"x"}`)); !errors.Is(err, service.ErrNotFound) {
		t.Fatalf("rename of nothing: %v", err)
	}
	if n := g.calls.Load(); n != 1 {
		t.Fatalf("gate asked %d times, want once", n)
	}
}

// A gate's error without a sentinel fails closed (403); an internal one
// stays a 500.
func TestGateErrorsFailClosed(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{errors.New("claims unavailable"), 403},
		{fmt.Errorf("%w: bug", service.ErrInternal), 500},
		{fmt.Errorf("%w: bad rule input", service.ErrInvalid), 400},
	}
	for _, tt := range tests {
		gate := service.GateFunc(func(context.Context, service.Admission) error { return tt.err })
		store := newStore(t)
		e := newEngine(t, store, quiet, service.WithGate(gate))
		_, err := e.Execute(context.Background(), command("create", "c1", `{"name":"visits"}`))
		if service.Code(err) != tt.code {
			t.Errorf("gate error %v: reply code %d, want %d", tt.err, service.Code(err), tt.code)
		}
		if n := len(load(t, store, "c1")); n != 0 {
			t.Errorf("gate error %v: %d events stored", tt.err, n)
		}
	}
}

// Over NATS the refusal reaches the client as 403 with the rule's name.
func TestGateOverNATS(t *testing.T) {
	nc, _ := serveWith(t, demo.Domain, service.WithGate(&noRenames{}))
	cl := service.NewClient(nc, "counter")
	if _, err := cl.Send(ctx(t), command("create", "c1", `{"name":"visits"}`)); err != nil {
		t.Fatal(err)
	}
	_, err := cl.Send(ctx(t), command("rename", "c1", `{"name":"hits"}`))
	var we *service.Error
	if !errors.As(err, &we) || we.Code != 403 || !errors.Is(err, service.ErrUnauthorized) || !strings.Contains(we.Description, "only-ada-renames") {
		t.Fatalf("rename over NATS: %v, want 403 naming the rule", err)
	}
}

// serveWith is serve with more options.
func serveWith(t *testing.T, d service.Servable, opts ...service.Option) (*nats.Conn, *service.Service) {
	t.Helper()
	_, nc := natstest.Start(t)
	svc, err := d.Start(nc, newStore(t), append([]service.Option{quiet}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return nc, svc
}
