package host

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

func TestTLSListenerNeedsTheCA(t *testing.T) {
	certs := t.TempDir()
	if err := auth.GenerateCerts(certs); err != nil {
		t.Fatal(err)
	}
	h, editor := securedHost(t, Security{TLSDir: certs})
	url := strings.Replace(h.Where(), "nats://", "tls://", 1)
	nc, err := Security{Creds: editor, CAFile: filepath.Join(certs, auth.CAFile)}.ConnectURL(url)
	if err != nil {
		t.Fatalf("connect with the CA: %v", err)
	}
	if !nc.TLSRequired() {
		t.Error("the connection is not TLS")
	}
	// the host's own services answer over their in-process connection
	cmd := message.NewCommand("counter", "create", "tls", []byte(`{"name":"tls"}`))
	if _, err := service.NewClient(nc, "counter").Send(ctx(t), cmd); err != nil {
		t.Fatalf("command over TLS: %v", err)
	}
	nc.Close()
	if _, err := (Security{Creds: editor}).ConnectURL(url); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("connect without the CA: %v, want a certificate error", err)
	}
}

func TestGenerateCertsRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if err := auth.GenerateCerts(dir); err != nil {
		t.Fatal(err)
	}
	if err := auth.GenerateCerts(dir); err == nil {
		t.Fatal("overwrote a CA")
	}
}
