package jsstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// WithReplicas makes the stream keep n copies of every event on n servers
// of a JetStream cluster (n = 1..5). Without it a new stream has one copy
// and an existing stream keeps the replicas it has, so a client that
// opens the store (the editor, a tool) never scales a cluster's stream
// down.
func WithReplicas(n int) Option { return func(s *Store) { s.replicas = n } }

// replicasFor is the replica count Open asks for: the option's, else the
// existing stream's, else one.
func (s *Store) replicasFor(ctx context.Context) (int, error) {
	if s.replicas > 0 {
		return s.replicas, nil
	}
	str, err := s.js.Stream(ctx, s.stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", s.stream, err)
	}
	return max(str.CachedInfo().Config.Replicas, 1), nil
}
