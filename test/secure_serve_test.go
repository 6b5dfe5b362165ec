package test

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// TestSecuredServeBinary runs `cimviz serve --listen --tls` with users
// made by `cimviz credentials` and certificates by `cimviz cert`: a client
// without credentials is refused, an editor over TLS sends a command, and
// an admin backs the streams up over the network and restores them into
// a fresh data directory.
func TestSecuredServeBinary(t *testing.T) {
	bin := buildCimvizOnly(t)
	dir, keys, certs := t.TempDir(), t.TempDir(), t.TempDir()
	editor, admin := filepath.Join(keys, "editor.nk"), filepath.Join(keys, "admin.nk")
	cimviz(t, bin, "credentials", "--data", dir, "--role", "editor", "--out", editor)
	cimviz(t, bin, "credentials", "--data", dir, "--role", "admin", "--out", admin)
	cimviz(t, bin, "cert", "--out", certs)
	addr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	srv := launch(t, bin, "tls://"+addr, "--data", dir, "--listen", addr, "--tls", certs)
	ca := filepath.Join(certs, "ca.pem")

	if _, err := (host.Security{CAFile: ca}).ConnectURL(srv.url); !errors.Is(err, nats.ErrAuthorization) {
		t.Fatalf("a client without credentials: %v, want refused", err)
	}
	nc, err := host.Security{Creds: editor, CAFile: ca}.ConnectURL(srv.url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := message.NewCommand("counter", "create", "secure", []byte(`{"name":"secure"}`))
	if _, err := service.NewClient(nc, "counter").Send(ctx, cmd); err != nil {
		t.Fatalf("the editor's command over TLS: %v", err)
	}
	saved, fresh := t.TempDir(), t.TempDir()
	cimviz(t, bin, "backup", saved, "--nats", srv.url, "--creds", admin, "--ca", ca)
	srv.stop(t)
	out := cimviz(t, bin, "restore", saved, "--data", fresh)
	if !strings.Contains(out, "CIM_COUNTER: 1 events") {
		t.Fatalf("restore did not bring the counter's event back:\n%s", out)
	}
}

// buildCimvizOnly builds the cimviz command alone (no window toolkit).
func buildCimvizOnly(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", dir+string(filepath.Separator), "github.com/cimviz/cimviz/cmd/cimviz").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return filepath.Join(dir, "cimviz")
}

// cimviz runs one short command and returns its output.
func cimviz(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("cimviz %v: %v\n%s", args, err, out)
	}
	return string(out)
}
