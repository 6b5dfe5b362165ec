package organization_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/service"
)

// start serves the organization domain on the real embedded NATS server
// with a JetStream store, seeded with the small company as "acme".
func start(t *testing.T) *service.Client {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, organization.Name)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := organization.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	client := service.NewClient(nc, organization.Name)
	for _, c := range organization.Seed("acme") {
		if _, err := client.Send(ctx, c); err != nil {
			t.Fatalf("seed %s %s: %v", c.Type, c.Payload, err)
		}
	}
	return client
}

func send(c *service.Client, typ, payload string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Send(ctx, message.NewCommand(organization.Name, typ, "acme", json.RawMessage(payload)))
	return err
}

func query(c *service.Client, name string, args, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.Query(ctx, name, "acme", args, out)
}

// holders, history and reporting answer over NATS, after a move and a
// merge.
func TestQueriesOverNATS(t *testing.T) {
	c := start(t)
	var h organization.HoldersAnswer
	if err := query(c, "holders", organization.HoldersArgs{Unit: "company", Role: "manager", IncludeSubUnits: true}, &h); err != nil ||
		!slices.Equal(h.Holders, []string{"person-ada", "person-barbara", "person-grace", "person-margaret"}) {
		t.Fatalf("managers: %+v, %v", h, err)
	}
	if err := send(c, "move_unit", `{"unit":"platform","parent":"sales"}`); err != nil {
		t.Fatal(err)
	}
	if err := send(c, "merge_units", `{"from":"sales","into":"engineering"}`); err != nil {
		t.Fatal(err)
	}
	var hist organization.HistoryAnswer
	if err := query(c, "history", organization.HistoryArgs{Unit: "platform"}, &hist); err != nil || len(hist.Changes) != 2 ||
		hist.Changes[1].From != "engineering" || hist.Changes[1].To != "sales" || hist.Changes[1].Time.IsZero() {
		t.Fatalf("platform history: %+v, %v", hist, err)
	}
	var r organization.ReportingAnswer
	if err := query(c, "reporting", organization.ReportingArgs{Person: "person-grace"}, &r); err != nil ||
		!slices.Equal(r.Managers, []string{"person-ada", "person-barbara"}) || !slices.Equal(r.Direct, []string{"person-alan", "person-linus"}) {
		t.Fatalf("grace's reporting: %+v, %v", r, err)
	}
}

// Cycles and bad input are 400s, a missing organization 404, creating
// one twice 409.
func TestRefusalsOverNATS(t *testing.T) {
	c := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, tt := range []struct {
		name string
		err  error
		code int
	}{
		{"unit cycle", send(c, "move_unit", `{"unit":"company","parent":"platform"}`), 400},
		{"reporting cycle", send(c, "set_reporting_line", `{"person":"person-barbara","manager":"person-ken"}`), 400},
		{"created twice", send(c, "create_organization", `{"name":"Acme"}`), 409},
		{"no organization", func() error {
			_, err := c.Send(ctx, message.NewCommand(organization.Name, "add_unit", "nowhere", json.RawMessage(`{"unit":"a","name":"A"}`)))
			return err
		}(), 404},
		{"holders of a missing unit", query(c, "holders", organization.HoldersArgs{Unit: "hr", Role: "manager"}, &organization.HoldersAnswer{}), 400},
	} {
		var we *service.Error
		if !errors.As(tt.err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, tt.err, tt.code)
		}
	}
}
