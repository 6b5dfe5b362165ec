package jsstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
)

// headerRoom is what the stream allows beyond the payload limit for an
// event's headers (identity, type, aggregate, batch and expectation
// headers take well under 1 KiB).
const headerRoom = 16 << 10

// ackTimeout is how long the store waits for an append's ack before the
// append fails (a caller's shorter context ends the wait sooner).
const ackTimeout = 30 * time.Second

// DuplicateWindow is how long the server remembers message IDs.
const DuplicateWindow = 2 * time.Minute

// Store is one domain's events in a JetStream stream. It is safe for
// concurrent use; it does not own the connection.
type Store struct {
	domain, stream, subjects string
	maxPayload               int
	replicas                 int // 0: keep the stream's (see WithReplicas)
	nc                       *nats.Conn
	js                       jetstream.JetStream
	str                      jetstream.Stream
	log                      *slog.Logger

	acks       acks
	out        outbox
	ackPrefix  []byte
	cache      versionCache
	batchSlots chan struct{}
	mu         sync.Mutex
	closed     bool
	subs       map[*subscription]struct{}
}

var _ eventstore.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithMaxPayload sets the largest payload in bytes (default
// eventstore.DefaultMaxPayload).
func WithMaxPayload(n int) Option { return func(s *Store) { s.maxPayload = n } }

// WithLogger sets where skipped messages are reported (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// StreamName is the stream that holds domain's events.
func StreamName(domain string) string { return "CIM_" + strings.ToUpper(domain) }

// Open creates or updates domain's stream and returns a store on it.
func Open(ctx context.Context, nc *nats.Conn, domain string, opts ...Option) (*Store, error) {
	if err := eventstore.CheckToken("domain", domain); err != nil {
		return nil, err
	}
	if strings.ContainsAny(domain, `/\`) {
		return nil, fmt.Errorf("%w: domain %q cannot name a stream", eventstore.ErrInvalid, domain)
	}
	s := &Store{domain: domain, stream: StreamName(domain), subjects: eventstore.DomainSubjects(domain),
		maxPayload: eventstore.DefaultMaxPayload, nc: nc, log: slog.Default(), subs: map[*subscription]struct{}{}}
	for _, o := range opts {
		o(s)
	}
	s.cache.init()
	s.batchSlots = make(chan struct{}, batchSlots)
	var err error
	if s.js, err = jetstream.New(nc); err != nil {
		return nil, fmt.Errorf("jetstream for %s: %w", domain, err)
	}
	cfg := s.streamConfig()
	if cfg.Replicas, err = s.replicasFor(ctx); err != nil {
		return nil, err
	}
	if s.str, err = s.js.CreateOrUpdateStream(ctx, cfg); err != nil {
		return nil, fmt.Errorf("stream %s: %w", s.stream, err)
	}
	s.ackPrefix = ackPrefix(s.stream)
	if err := s.acks.start(nc); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Store) streamConfig() jetstream.StreamConfig {
	return jetstream.StreamConfig{
		Name: s.stream, Subjects: []string{s.subjects}, Storage: jetstream.FileStorage,
		Duplicates: DuplicateWindow, MaxMsgSize: int32(s.maxPayload + headerRoom),
		AllowDirect: true, AllowAtomicPublish: true,
		Description: "cimviz event log of domain " + s.domain,
	}
}

// LastSequence implements [eventstore.Store.LastSequence].
func (s *Store) LastSequence(ctx context.Context) (uint64, error) {
	if err := s.checkOpen(); err != nil {
		return 0, err
	}
	info, err := s.str.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s info: %w", s.stream, err)
	}
	return info.State.LastSeq, nil
}

// Close stops running Follows; later calls fail with ErrClosed. The
// stream and the connection stay.
func (s *Store) Close() error {
	s.mu.Lock()
	s.closed = true
	subs := s.subs
	s.subs = nil
	s.mu.Unlock()
	for sub := range subs {
		sub.Stop()
	}
	s.acks.stop()
	return nil
}

func (s *Store) checkOpen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("%w: %s", eventstore.ErrClosed, s.stream)
	}
	return nil
}

// errStopped ends a Read whose store was closed under it.
var errStopped = errors.New("stopped")

// Domain is the domain whose events the store holds.
func (s *Store) Domain() string { return s.domain }
