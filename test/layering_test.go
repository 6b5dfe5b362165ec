package test

import (
	"os/exec"
	"strings"
	"testing"
)

// serverSide are the packages that put a program on the server side of
// NATS: the JetStream client and store, the micro service framework and
// the embedded server. A prefix matches the package and those under it.
var serverSide = []string{
	"github.com/nats-io/nats.go/jetstream",
	"github.com/nats-io/nats.go/micro",
	"github.com/nats-io/nats-server",
	"github.com/cimviz/cimviz/domains/eventstore/jsstore",
	"github.com/cimviz/cimviz/domains/graphdomain",
	"github.com/cimviz/cimviz/domains/service",
}

// TestRenderLinksNoServerSide: drawing the editor, its live panels and
// the space view (everything under render) needs the timeline, the event
// log and the domains' wire payloads, never a domain service, the
// JetStream store or nats-server; the store side of the timeline lives in
// bridge/timelinestore, its benchmark helpers in bench/timelinebench, and
// the space view's commands in domains/concept/conceptcmd.
func TestRenderLinksNoServerSide(t *testing.T) {
	for _, pkg := range []string{"render/..."} {
		out, err := exec.Command("go", "list", "-deps", "github.com/cimviz/cimviz/"+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if linksServerSide(dep) {
				t.Errorf("%s links %s", pkg, dep)
			}
		}
	}
}

// linksServerSide reports whether pkg is one of serverSide or under one.
func linksServerSide(pkg string) bool {
	for _, p := range serverSide {
		if pkg == p || strings.HasPrefix(pkg, p+"/") {
			return true
		}
	}
	return false
}
