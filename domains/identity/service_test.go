package identity_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// rig is the identity service on the real embedded NATS server with a
// JetStream store.
type rig struct {
	client *service.Client
	store  *jsstore.Store
}

func start(t *testing.T) *rig {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, identity.Name)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := identity.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	return &rig{client: service.NewClient(nc, identity.Name), store: store}
}

func (r *rig) send(c message.Command) (service.Ack, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.client.Send(ctx, c)
}

func (r *rig) query(name, id string, args, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.client.Query(ctx, name, id, args, out)
}

func command(typ, id, payload string) message.Command {
	return message.NewCommand(identity.Name, typ, id, json.RawMessage(payload))
}

// Seeded principals answer the queries and the principals view.
func TestSeedAndQueryOverNATS(t *testing.T) {
	r := start(t)
	for _, c := range identity.Seed([]string{"person-ada", "person-grace"}) {
		if _, err := r.send(c); err != nil {
			t.Fatalf("%s %s: %v", c.Type, c.AggregateID, err)
		}
	}
	if _, err := r.send(command("grant_claim", "person-ada", `{"role":"approver","scope":"unit:sales","expires":"2100-01-01T00:00:00Z"}`)); err != nil {
		t.Fatal(err)
	}
	var has identity.HasClaimAnswer
	if err := r.query("has_claim", "person-ada", identity.HasClaimArgs{Role: "approver", Scope: "unit:sales"}, &has); err != nil || !has.Has {
		t.Fatalf("has_claim: %+v, %v", has, err)
	}
	late := time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC)
	var claims identity.ClaimsAnswer
	if err := r.query("active_claims", "person-ada", identity.AtArgs{At: &late}, &claims); err != nil || len(claims.Claims) != 0 {
		t.Fatalf("claims after expiry: %+v, %v", claims, err)
	}
	var list identity.PrincipalsAnswer
	if err := r.query("principals", "", identity.PrincipalsArgs{State: identity.Verified}, &list); err != nil ||
		len(list.Principals) != 2 || list.Principals[0].ID != "person-ada" || list.Principals[1].Name != "grace" {
		t.Fatalf("principals view: %+v, %v", list, err)
	}
}

// A command's X-Actor is recorded on the events it produced, as the real
// JetStream store gives them back.
func TestActorRecordedOnEvents(t *testing.T) {
	r := start(t)
	c := command("register_principal", "service-billing", `{"kind":"service","name":"billing"}`)
	c.Actor = "person-ada"
	if _, err := r.send(c); err != nil {
		t.Fatal(err)
	}
	if _, err := r.send(command("verify_principal", "service-billing", `{}`)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	evs, err := r.store.Load(ctx, "service-billing", 0)
	if err != nil || len(evs) != 2 {
		t.Fatalf("load: %d events, %v", len(evs), err)
	}
	if evs[0].Actor != "person-ada" || evs[1].Actor != "" {
		t.Fatalf("actors %q and %q, want person-ada and none", evs[0].Actor, evs[1].Actor)
	}
}

// Refusals come back with their codes.
func TestRefusalsOverNATS(t *testing.T) {
	r := start(t)
	if _, err := r.send(command("register_principal", "p", `{"kind":"person","name":"P"}`)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    message.Command
		code int
		want error
	}{
		{"a secret", command("add_credential_ref", "p", `{"kind":"password","reference":"x"}`), 400, service.ErrInvalid},
		{"bad kind", command("register_principal", "q", `{"kind":"robot","name":"x"}`), 400, service.ErrInvalid},
		{"no such principal", command("verify_principal", "nobody", `{}`), 404, service.ErrNotFound},
		{"registered twice", command("register_principal", "p", `{"kind":"person","name":"P"}`), 409, service.ErrConflict},
	}
	for _, tt := range tests {
		_, err := r.send(tt.c)
		var we *service.Error
		if !errors.Is(err, tt.want) || !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
	var list identity.PrincipalsAnswer
	if err := r.query("principals", "", `{"kind":"robot"`, &list); !errors.Is(err, service.ErrInvalid) {
		t.Errorf("view with bad arguments: err = %v, want 400", err)
	}
}
