package host

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// securedHost runs the demo domain on an embedded server listening on
// loopback with sec, and returns it with the seed file of an editor
// registered on its data directory before the start.
func securedHost(t *testing.T, sec Security) (*Host, string) {
	t.Helper()
	dir := t.TempDir()
	editor := filepath.Join(t.TempDir(), "editor.nk")
	if _, err := auth.NewCredentials(dir, auth.RoleEditor, "test editor", editor); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	h, err := Start(context.Background(), Config{DataDir: dir, Listen: "127.0.0.1:0", Security: sec,
		Domains: []service.Servable{demo.Domain}, Name: "test host", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h, editor
}

// violations connects with creds and collects the asynchronous permission
// errors the server reports.
func connectCollecting(t *testing.T, h *Host, creds string) (*nats.Conn, <-chan error) {
	t.Helper()
	errs := make(chan error, 16)
	nc, err := Security{Creds: creds}.ConnectURL(h.Where(), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		errs <- err
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc, errs
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestListenRefusesAClientWithoutCredentials(t *testing.T) {
	h, _ := securedHost(t, Security{})
	_, err := Security{}.ConnectURL(h.Where())
	if !errors.Is(err, nats.ErrAuthorization) || !strings.Contains(err.Error(), "cimviz credentials") {
		t.Fatalf("unauthenticated connect: %v, want an authorization violation naming the remedy", err)
	}
}

func TestListenRefusesAnUnregisteredKey(t *testing.T) {
	h, _ := securedHost(t, Security{})
	stranger := filepath.Join(t.TempDir(), "stranger.nk")
	if _, err := auth.NewCredentials(t.TempDir(), auth.RoleAdmin, "elsewhere", stranger); err != nil {
		t.Fatal(err)
	}
	if _, err := (Security{Creds: stranger}).ConnectURL(h.Where()); !errors.Is(err, nats.ErrAuthorization) {
		t.Fatalf("connect with a key the server does not know: %v", err)
	}
	if _, err := (Security{Creds: filepath.Join(t.TempDir(), "missing.nk")}).ConnectURL(h.Where()); err == nil || !strings.Contains(err.Error(), "credentials") {
		t.Fatalf("connect with a missing creds file: %v", err)
	}
}

func TestInsecureListenLetsAnyoneIn(t *testing.T) {
	h, _ := securedHost(t, Security{Insecure: true})
	nc, err := nats.Connect(h.Where())
	if err != nil {
		t.Fatalf("--insecure refused a plain client: %v", err)
	}
	nc.Close()
}

func TestEditorSendsCommandsAndReadsEvents(t *testing.T) {
	h, editor := securedHost(t, Security{})
	nc, errs := connectCollecting(t, h, editor)
	cmd := message.NewCommand("counter", "create", "visits", []byte(`{"name":"visits"}`))
	ack, err := service.NewClient(nc, "counter").Send(ctx(t), cmd)
	if err != nil || ack.Version != 1 {
		t.Fatalf("editor's command: ack %+v, err %v", ack, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	cons, err := js.OrderedConsumer(ctx(t), "CIM_COUNTER", jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatalf("editor's ordered consumer: %v", err)
	}
	msg, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
	if err != nil || msg.Headers().Get(message.HeaderEventType) != "created" {
		t.Fatalf("editor read %v, err %v; want the created event", msg, err)
	}
	select {
	case err := <-errs:
		t.Fatalf("the editor's reads met %v", err)
	default:
	}
}

func TestEditorCannotDeleteAStreamNorPublishEvents(t *testing.T) {
	h, editor := securedHost(t, Security{})
	nc, errs := connectCollecting(t, h, editor)
	js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := js.DeleteStream(short, "CIM_COUNTER"); err == nil {
		t.Fatal("an editor deleted the counter stream")
	}
	wantViolation(t, errs, "$JS.API.STREAM.DELETE.CIM_COUNTER")
	if err := nc.Publish("cim.counter.evt.visits.created", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	_ = nc.Flush()
	wantViolation(t, errs, "cim.counter.evt.visits.created")
	admin, err := jetstream.New(h.Conn())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Stream(ctx(t), "CIM_COUNTER"); err != nil {
		t.Fatalf("the stream is gone after the editor's attempt: %v", err)
	}
}

// wantViolation waits for the server's permission violation on subject.
func wantViolation(t *testing.T, errs <-chan error, subject string) {
	t.Helper()
	for {
		select {
		case err := <-errs:
			if errors.Is(err, nats.ErrPermissionViolation) && strings.Contains(err.Error(), subject) {
				return
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no permission violation reported for %s", subject)
		}
	}
}
