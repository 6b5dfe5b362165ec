package organization_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// The host serves the identity and organization domains by default:
// $SRV.PING (what `nats micro list` sends) is answered by both.
func TestHostServesIdentityAndOrganization(t *testing.T) {
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := host.Start(context.Background(), host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	for _, name := range []string{"cim-identity", "cim-organization"} {
		reply, err := nc.Request("$SRV.PING."+name, nil, 10*time.Second)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ping struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(reply.Data, &ping); err != nil || ping.Name != name {
			t.Fatalf("ping %s: %s, %v", name, reply.Data, err)
		}
	}
}
