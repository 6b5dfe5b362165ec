package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// serve's telemetry on a real host: the --metrics flag parses, a command
// sent to the host's counter service shows in a scrape over HTTP, and so
// do the service's up figure and the embedded server's JetStream streams.
func TestServeMetrics(t *testing.T) {
	f, err := parseServe([]string{"--metrics", "127.0.0.1:0", "--data", t.TempDir()}, io.Discard)
	if err != nil || f.metrics != "127.0.0.1:0" {
		t.Fatalf("parse --metrics: %+v, %v", f, err)
	}
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	tel, err := startTelemetry(ctx, f.metrics, logger)
	if err != nil {
		t.Fatal(err)
	}
	domains := []service.Servable{demo.Domain}
	h, err := host.Start(ctx, host.Config{DataDir: f.data, Domains: tel.domains(domains), Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := h.Close(); err != nil {
			t.Error(err)
		}
	})
	if err := tel.listen(h, domains); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := tel.close(); err != nil {
			t.Error(err)
		}
	})
	sendCreate(t, h)
	want := []string{
		`cimviz_commands_total{command="create",domain="counter",outcome="accepted"} 1`,
		`cimviz_service_up{service="cim-counter"} 1`,
		`cimviz_jetstream_streams 1`,
	}
	var body string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if body = get(t, tel.endpoint.URL()); strings.Contains(body, want[0]) {
			break
		}
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("the scrape lacks %s", w)
		}
	}
}

// sendCreate creates one demo counter through the host's connection.
func sendCreate(t *testing.T, h *host.Host) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := message.NewCommand(demo.Domain.Name, "create", "c1", json.RawMessage(`{"name":"visits"}`))
	if _, err := service.NewClient(h.Conn(), demo.Domain.Name).Send(ctx, cmd); err != nil {
		t.Fatal(err)
	}
}

// get fetches url over HTTP and returns the body.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s, %v", url, resp.Status, err)
	}
	return string(b)
}
