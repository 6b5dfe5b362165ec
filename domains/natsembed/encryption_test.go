package natsembed_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// secret is a payload that must not be readable in the data directory.
var secret = []byte("plaintext-payload-7d3c1f0e-must-not-be-on-disk")

func TestEncryptedJetStreamKeepsPayloadsOffTheDiskAndReadsThemBack(t *testing.T) {
	dir := t.TempDir()
	cfg := natsembed.Config{DataDir: dir, Security: natsembed.Security{JetStreamKey: "test key: correct horse battery"}}
	srv, nc := natstest.StartOn(t, cfg)
	storeSecret(t, nc)
	natstest.Stop(t, srv)
	if containsOnDisk(t, dir, secret) {
		t.Fatal("the payload is readable in the encrypted data directory")
	}
	_, nc = natstest.StartOn(t, cfg)
	if got := lastPayload(t, nc); !bytes.Equal(got, secret) {
		t.Fatalf("after a restart with the key: read %q", got)
	}
}

func TestPlaintextJetStreamShowsThePayload(t *testing.T) {
	// the control for the test above: the search does find a plaintext payload
	dir := t.TempDir()
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: dir})
	storeSecret(t, nc)
	natstest.Stop(t, srv)
	if !containsOnDisk(t, dir, secret) {
		t.Fatal("the payload is not found even without encryption: the search is broken")
	}
}

func TestJetStreamKeyComesFromAFileOrTheEnvironment(t *testing.T) {
	file := filepath.Join(t.TempDir(), "js.key")
	if err := os.WriteFile(file, []byte("  from file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(natsembed.EnvJetStreamKey, "from env")
	if k, err := natsembed.JetStreamKey(file); err != nil || k != "from file" {
		t.Fatalf("file key %q, %v", k, err)
	}
	if k, err := natsembed.JetStreamKey(""); err != nil || k != "from env" {
		t.Fatalf("env key %q, %v", k, err)
	}
	if _, err := natsembed.JetStreamKey(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Fatal("a missing key file gave no error")
	}
}

func jsCtx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return c
}

func storeSecret(t *testing.T, nc *nats.Conn) {
	t.Helper()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.CreateStream(jsCtx(t), jetstream.StreamConfig{Name: "SECRET", Subjects: []string{"secret.>"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(jsCtx(t), "secret.one", secret); err != nil {
		t.Fatal(err)
	}
}

func lastPayload(t *testing.T, nc *nats.Conn) []byte {
	t.Helper()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	s, err := js.Stream(jsCtx(t), "SECRET")
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetLastMsgForSubject(jsCtx(t), "secret.one")
	if err != nil {
		t.Fatal(err)
	}
	return m.Data
}

// containsOnDisk reports whether any file under dir holds b.
func containsOnDisk(t *testing.T, dir string, b []byte) bool {
	t.Helper()
	found := false
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || found {
			return err
		}
		data, err := os.ReadFile(path)
		found = err == nil && bytes.Contains(data, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestAStartWithoutTheRightKeyIsRefused(t *testing.T) {
	dir := t.TempDir()
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: dir, Security: natsembed.Security{JetStreamKey: "the key"}})
	storeSecret(t, nc)
	natstest.Stop(t, srv)
	for _, key := range []string{"", "another key"} {
		s, err := natsembed.Start(natsembed.Config{DataDir: dir, Security: natsembed.Security{JetStreamKey: key}})
		if err == nil {
			natstest.Stop(t, s)
			t.Fatalf("started with key %q on data encrypted with another", key)
		}
		if !errors.Is(err, natsembed.ErrStart) || !strings.Contains(err.Error(), "JetStream key") {
			t.Fatalf("key %q: %v, want a start error naming the key", key, err)
		}
	}
}
