package test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/location"
	"github.com/cimviz/cimviz/domains/service"
)

// The place hierarchy, opened in the real editor on the embedded
// services, is an ordinary graph: renaming London's node sends the
// location domain's rename_place under the editor's actor, the service
// stores it, and the view shows what the service decided. The first run
// seeded the sample company's places.
func TestRenamingAPlaceInItsLiveView(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	shot := filepath.Join(dir, "places.png")
	cmd := exec.Command(bin, "edit", "--data", filepath.Join(dir, "data"), "--size", "1280x800", "--open", "view-places",
		"--actor", "person-ada", "--script", filepath.Join("testdata", "views", "rename-place.script"), "--screenshot", shot)
	if out, err := runWithTimeout(cmd, 2*time.Minute); err != nil {
		t.Fatalf("cimviz edit: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	h, err := host.Start(ctx, host.Config{DataDir: filepath.Join(dir, "data"), Domains: host.Domains()})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var london struct {
		Name string `json:"name"`
	}
	if err := service.NewClient(h.Conn(), location.DomainName).Query(ctx, "get", "place-london", nil, &london); err != nil || london.Name != "Greater London" {
		t.Fatalf("place-london is %q (%v), want the name typed in the editor", london.Name, err)
	}
	store, err := jsstore.Open(ctx, h.Conn(), location.DomainName)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	events, err := store.Load(ctx, "place-london", 0)
	if err != nil || len(events) < 2 {
		t.Fatalf("place-london has %d events (%v)", len(events), err)
	}
	if last := events[len(events)-1]; last.Type != "place_renamed" || last.Actor != "person-ada" {
		t.Fatalf("last event %s by %q, want place_renamed by the editor's actor person-ada", last.Type, last.Actor)
	}
}
