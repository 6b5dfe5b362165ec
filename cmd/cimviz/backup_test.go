package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// counterEvents starts a host on data, lets fn use it, and returns how
// many events the counter stream holds.
func counterEvents(t *testing.T, data string, fn func(*host.Host)) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	h, err := host.Start(ctx, host.Config{DataDir: data, Domains: []service.Servable{demo.Domain}})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	fn(h)
	js, _ := jetstream.New(h.Conn())
	s, err := js.Stream(ctx, "CIM_COUNTER")
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestBackupAndRestoreCommandsMoveTheEvents(t *testing.T) {
	data, saved, fresh := t.TempDir(), t.TempDir(), t.TempDir()
	n := counterEvents(t, data, func(h *host.Host) {
		for _, id := range []string{"a", "b", "c"} {
			cmd := message.NewCommand("counter", "create", id, []byte(`{"name":"`+id+`"}`))
			if _, err := service.NewClient(h.Conn(), "counter").Send(context.Background(), cmd); err != nil {
				t.Fatal(err)
			}
		}
	})
	var stderr bytes.Buffer
	if rc := run([]string{"backup", saved, "--data", data}, &stderr); rc != 0 {
		t.Fatalf("backup: rc %d: %s", rc, stderr.String())
	}
	if rc := run([]string{"restore", saved, "--data", fresh}, &stderr); rc != 0 {
		t.Fatalf("restore: rc %d: %s", rc, stderr.String())
	}
	if got := counterEvents(t, fresh, func(*host.Host) {}); got != n || n != 3 {
		t.Fatalf("restored %d events of %d", got, n)
	}
}

func TestCredentialsCommandRegistersTheUser(t *testing.T) {
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "ed.nk")
	var stderr bytes.Buffer
	if rc := run([]string{"credentials", "--role", "editor", "--out", out, "--data", data}, &stderr); rc != 0 {
		t.Fatalf("rc %d: %s", rc, stderr.String())
	}
	users, err := auth.LoadUsers(data)
	if err != nil || len(users) != 1 || users[0].Role != auth.RoleEditor {
		t.Fatalf("users %+v, %v", users, err)
	}
	if rc := run([]string{"credentials", "--role", "root", "--out", out + "2", "--data", data}, &stderr); rc != 2 {
		t.Fatalf("an unknown role: rc %d", rc)
	}
}
