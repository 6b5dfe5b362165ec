package location_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/location"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// start serves the location domain on the real embedded NATS server with
// a JetStream store, seeded with the sites, and returns a client.
func start(t *testing.T) *service.Client {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, location.DomainName)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := location.Servable{}.Start(nc, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	c := service.NewClient(nc, location.DomainName)
	for _, cmd := range location.Seed() {
		if _, err := c.Send(ctx, cmd); err != nil {
			t.Fatalf("%s %s: %v", cmd.Type, cmd.AggregateID, err)
		}
	}
	return c
}

func query(c *service.Client, name, id string, args, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.Query(ctx, name, id, args, out)
}

// The seeded sites answer get, distance, within and the views over NATS.
func TestQueriesOverNATS(t *testing.T) {
	c := start(t)
	var office location.PlaceAnswer
	if err := query(c, "get", "place-office", nil, &office); err != nil || office.Parent != "place-london" || len(office.Region) != 1 || office.Version != 1 {
		t.Fatalf("get: %+v, %v", office, err)
	}
	var d location.DistanceAnswer
	if err := query(c, "distance", "place-office", location.DistanceArgs{To: "place-warehouse"}, &d); err != nil || math.Abs(d.KM-34) > 2 {
		t.Fatalf("office to warehouse: %+v, %v", d, err)
	}
	var in []location.Place
	if err := query(c, "within", "place-london", nil, &in); err != nil || len(in) != 1 || in[0].ID != "place-office" {
		t.Fatalf("within London: %+v, %v", in, err)
	}
	var tree []location.Node
	if err := query(c, "hierarchy", "", nil, &tree); err != nil || len(tree) != 1 || len(tree[0].Children) != 2 {
		t.Fatalf("hierarchy: %+v, %v", tree, err)
	}
	var fc json.RawMessage
	if err := query(c, "geojson", "", nil, &fc); err != nil {
		t.Fatal(err)
	}
	if back, err := location.FromGeoJSON(fc); err != nil || len(back) != 4 {
		t.Fatalf("geojson view does not import back: %v, %+v", err, back)
	}
}

// Refusals come back with their codes over the wire.
func TestRefusalsOverNATS(t *testing.T) {
	c := start(t)
	cmd := func(typ, id, payload string) message.Command {
		return message.NewCommand(location.DomainName, typ, id, json.RawMessage(payload))
	}
	for _, tt := range []struct {
		name string
		cmd  message.Command
		code int
	}{
		{"latitude off the globe", cmd("move_place", "place-office", `{"point":[0,95]}`), 400},
		{"open ring", cmd("set_region", "place-office", `{"region":[[[0,0],[1,0],[1,1]]]}`), 400},
		{"country inside its city", cmd("set_parent", "place-uk", `{"parent":"place-london"}`), 400},
		{"country inside its office", cmd("set_parent", "place-uk", `{"parent":"place-office"}`), 400},
		{"unknown parent", cmd("set_parent", "place-office", `{"parent":"place-mars"}`), 404},
		{"no such place", cmd("rename_place", "place-mars", `{"name":"Mars"}`), 404},
		{"registered twice", cmd("register_place", "place-uk", `{"name":"UK","kind":"country","point":[0,52]}`), 409},
		{"same name", cmd("rename_place", "place-uk", `{"name":"United Kingdom"}`), 409},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := c.Send(ctx, tt.cmd)
		cancel()
		var we *service.Error
		if !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
	var d location.DistanceAnswer
	if err := query(c, "distance", "place-uk", location.DistanceArgs{To: "place-mars"}, &d); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("distance to nowhere: %v, want 404", err)
	}
	if err := query(c, "distance", "place-uk", nil, &d); !errors.Is(err, service.ErrInvalid) {
		t.Errorf("distance to nothing: %v, want 400", err)
	}
}
