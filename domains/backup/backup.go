// Package backup saves and restores the CIM's event streams with
// JetStream's own stream snapshots ($JS.API.STREAM.SNAPSHOT and
// $JS.API.STREAM.RESTORE): for every stream named CIM_*, a directory gets
// NAME.json (the stream's configuration and state when the snapshot was
// taken) and NAME.tar.s2 (the snapshot itself, as the server wrote it).
// The server does the work; this package only moves the chunks with the
// flow control the protocol asks for.
package backup

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// StreamPrefix is the prefix of the streams a backup holds (one per
// domain, see jsstore.StreamName).
const StreamPrefix = "CIM_"

// ErrBackup marks a snapshot or restore that did not complete.
var ErrBackup = errors.New("backup")

// Meta is what NAME.json holds: the stream as it was when snapshotted.
type Meta struct {
	Config server.StreamConfig `json:"config"`
	State  server.StreamState  `json:"state"`
}

// Streams lists the CIM streams on nc's server.
func Streams(ctx context.Context, nc *nats.Conn) ([]string, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	var names []string
	lister := js.StreamNames(ctx)
	for name := range lister.Name() {
		if strings.HasPrefix(name, StreamPrefix) {
			names = append(names, name)
		}
	}
	if err := lister.Err(); err != nil {
		return nil, fmt.Errorf("%w: list streams: %v", ErrBackup, err)
	}
	return names, nil
}

// Save snapshots every CIM stream into dir and returns what it saved.
func Save(ctx context.Context, nc *nats.Conn, dir string) ([]Meta, error) {
	names, err := Streams(ctx, nc)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	metas := make([]Meta, 0, len(names))
	for _, name := range names {
		m, err := snapshot(ctx, nc, name, dir)
		if err != nil {
			return metas, err
		}
		metas = append(metas, m)
	}
	return metas, nil
}

// Load restores every stream saved in dir; a stream that exists already
// on the server is an error (restore into a fresh server).
func Load(ctx context.Context, nc *nats.Conn, dir string) ([]Meta, error) {
	files, err := filepath.Glob(filepath.Join(dir, StreamPrefix+"*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w: no %s*.json stream snapshot in %s", ErrBackup, StreamPrefix, dir)
	}
	metas := make([]Meta, 0, len(files))
	for _, f := range files {
		m, err := restore(ctx, nc, f)
		if err != nil {
			return metas, err
		}
		metas = append(metas, m)
	}
	return metas, nil
}

func metaFile(dir, stream string) string { return filepath.Join(dir, stream+".json") }
func dataFile(dir, stream string) string { return filepath.Join(dir, stream+".tar.s2") }

// apiError is the error of a JetStream API response, if any.
func apiError(op, stream string, e *server.ApiError) error {
	if e == nil {
		return nil
	}
	return fmt.Errorf("%w: %s %s: %s (code %d)", ErrBackup, op, stream, e.Description, e.Code)
}

func writeMeta(dir string, m Meta) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(metaFile(dir, m.Config.Name), append(b, '\n'), 0o600)
}
