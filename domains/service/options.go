package service

import (
	"log/slog"
	"time"
)

// Defaults of the engine and the NATS service.
const (
	DefaultMaxPayload = 64 << 10 // bytes of command payload
	DefaultRetries    = 10       // conflict retries of a Retry command
	DefaultCacheSize  = 10000    // aggregates kept in memory
	DefaultWorkers    = 128      // commands in flight per service instance
	DefaultTimeout    = 10 * time.Second
)

type config struct {
	maxPayload int
	retries    int
	cacheSize  int
	refresh    bool
	workers    int
	timeout    time.Duration
	logger     *slog.Logger
	observers  []Observer
	gates      []Gate
}

// Option tunes an engine or a service.
type Option func(*config)

// WithMaxPayload refuses (400) command payloads over n bytes.
func WithMaxPayload(n int) Option { return func(c *config) { c.maxPayload = n } }

// WithRetries sets how often a Retry command is decided again after a
// conflict.
func WithRetries(n int) Option { return func(c *config) { c.retries = n } }

// WithCacheSize sets how many aggregates stay in memory (0: none, every
// command loads its aggregate from the store).
func WithCacheSize(n int) Option { return func(c *config) { c.cacheSize = n } }

// WithRefresh makes every command bring its cached aggregate up to date
// from the store before deciding. Use it when several processes serve the
// domain and conflicts should be rare rather than retried; it costs a
// store read per command.
func WithRefresh() Option { return func(c *config) { c.refresh = true } }

// WithWorkers sets how many requests one service instance handles at once.
// Requests for one aggregate always go to the same worker, in order.
func WithWorkers(n int) Option { return func(c *config) { c.workers = max(n, 1) } }

// WithTimeout bounds the handling of one request.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithLogger sets where faults are logged (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

func newConfig(opts []Option) config {
	c := config{maxPayload: DefaultMaxPayload, retries: DefaultRetries, cacheSize: DefaultCacheSize,
		workers: DefaultWorkers, timeout: DefaultTimeout, logger: slog.Default()}
	for _, o := range opts {
		o(&c)
	}
	return c
}
