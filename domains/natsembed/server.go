package natsembed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// ErrStart marks a server that could not start (bad config, port taken,
// data directory not usable).
var ErrStart = errors.New("embedded nats server did not start")

// DefaultMaxPayload is the largest message the server accepts unless
// [Config.MaxPayload] says otherwise: room for a 1 MiB event payload plus
// its headers.
const DefaultMaxPayload = 4 << 20

// Config says how to run the embedded server.
type Config struct {
	// DataDir holds JetStream's files. Required.
	DataDir string
	// Listen is "" (in-process only) or "host:port" for TCP clients. A
	// missing host means loopback; port 0 picks a free port.
	Listen string
	// SyncAlways fsyncs every JetStream write before acknowledging it.
	SyncAlways bool
	// SyncInterval is how often JetStream fsyncs when SyncAlways is off
	// (0 = JetStream's default).
	SyncInterval time.Duration
	// MaxPayload is the largest message in bytes (0 = DefaultMaxPayload).
	MaxPayload int32
	// Name is the server's name (default "cimviz").
	Name string
	// Logger receives the server's logs (nil = slog.Default()).
	Logger *slog.Logger
	// StartTimeout bounds waiting for the server to be ready (0 = 10s).
	StartTimeout time.Duration
	// Security: authentication, TLS and encryption at rest (see Security).
	Security Security
	// Cluster, when set, makes the server one of a cluster (see Cluster).
	Cluster *Cluster
	// Leaf, when set, makes the server a leaf node of a hub (see Leaf).
	// A leaf is not one of a cluster.
	Leaf *Leaf
	// LeafListen is "" or host:port where leaf nodes may connect.
	LeafListen string
}

// Server is a running embedded nats-server.
type Server struct {
	ns       *server.Server
	inProc   bool
	tls      bool          // TCP clients must use TLS
	self     []nats.Option // authenticates Connect when auth is on
	mu       sync.Mutex
	conns    []*nats.Conn
	shutOnce sync.Once
	leaf     bool // a leaf node: JetStream is the hub's
}

// Start starts the server and waits until it accepts clients.
func Start(cfg Config) (*Server, error) {
	opts, err := options(cfg)
	if err != nil {
		return nil, err
	}
	if err := topology(opts, cfg); err != nil {
		return nil, err
	}
	self, err := applySecurity(opts, cfg.Security)
	if err != nil {
		return nil, err
	}
	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStart, err)
	}
	logger := newSlogLogger(cfg.Logger)
	ns.SetLoggerV2(logger, logger.enabled(slog.LevelDebug), logger.enabled(levelTrace), false)
	ns.Start()
	if !ns.ReadyForConnections(orDefault(cfg.StartTimeout, 10*time.Second)) {
		ns.Shutdown()
		return nil, fmt.Errorf("%w: not ready in time (data dir %q, listen %q)", ErrStart, cfg.DataDir, cfg.Listen)
	}
	if err := afterStart(ns, cfg); err != nil {
		ns.Shutdown()
		return nil, err
	}
	return &Server{ns: ns, inProc: opts.DontListen, tls: opts.TLSConfig != nil, self: selfAuth(self), leaf: cfg.Leaf != nil}, nil
}

func options(cfg Config) (*server.Options, error) {
	if cfg.DataDir == "" {
		return nil, fmt.Errorf("%w: no data directory", ErrStart)
	}
	opts := &server.Options{
		ServerName: orDefault(cfg.Name, "cimviz"), JetStream: true, StoreDir: cfg.DataDir,
		SyncAlways: cfg.SyncAlways, SyncInterval: cfg.SyncInterval,
		MaxPayload: orDefault(cfg.MaxPayload, DefaultMaxPayload),
		NoSigs:     true, DontListen: cfg.Listen == "",
	}
	if opts.DontListen {
		return opts, nil
	}
	host, port, err := splitListen(cfg.Listen)
	if err != nil {
		return nil, err
	}
	opts.Host, opts.Port = host, port
	return opts, nil
}

// splitListen turns "host:port" into server options: an empty host is
// loopback and port 0 is nats-server's "random port" (-1).
func splitListen(listen string) (string, int, error) {
	host, p, err := net.SplitHostPort(listen)
	if err != nil {
		return "", 0, fmt.Errorf("%w: listen address %q: %v", ErrStart, listen, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("%w: listen address %q: bad port", ErrStart, listen)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	return host, port, nil
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Connect opens a client connection: in-process when the server has no
// listener or requires TLS (there is no certificate to check in-process),
// over TCP otherwise. It authenticates as the server's own user when
// authentication is on. Shutdown drains connections made here.
func (s *Server) Connect(opts ...nats.Option) (*nats.Conn, error) {
	url := nats.DefaultURL
	opts = append(append([]nats.Option{}, s.self...), opts...)
	if s.inProc || s.tls {
		opts = append([]nats.Option{nats.InProcessServer(inProcess{s})}, opts...)
	} else {
		url = s.ClientURL()
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to embedded nats: %w", err)
	}
	s.mu.Lock()
	s.conns = append(s.conns, nc)
	s.mu.Unlock()
	return nc, nil
}

// ClientURL is the URL other processes connect to; "" when the server
// listens in-process only.
func (s *Server) ClientURL() string {
	if s.inProc {
		return ""
	}
	return s.ns.ClientURL()
}

// NATS returns the underlying nats-server, for what this package does not
// wrap (monitoring, leaf nodes in tests).
func (s *Server) NATS() *server.Server { return s.ns }

// Shutdown drains the connections made with Connect, then stops the server
// and waits until it has flushed JetStream and released the data
// directory, or until ctx ends. It is safe to call more than once.
func (s *Server) Shutdown(ctx context.Context) error {
	s.drainConns(ctx)
	done := make(chan struct{})
	s.shutOnce.Do(func() { go s.ns.Shutdown() })
	go func() { s.ns.WaitForShutdown(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("embedded nats shutdown: %w", ctx.Err())
	}
}

func (s *Server) drainConns(ctx context.Context) {
	s.mu.Lock()
	conns := s.conns
	s.conns = nil
	s.mu.Unlock()
	for _, nc := range conns {
		drainConn(ctx, nc)
	}
}

// drainConn lets a connection finish what it has in flight; a connection
// that will not drain before ctx ends is closed.
func drainConn(ctx context.Context, nc *nats.Conn) {
	if nc.IsClosed() {
		return
	}
	closed := make(chan struct{})
	nc.SetClosedHandler(func(*nats.Conn) { close(closed) })
	if err := nc.Drain(); err != nil {
		nc.Close()
		return
	}
	select {
	case <-closed:
	case <-ctx.Done():
		nc.Close()
	}
}
