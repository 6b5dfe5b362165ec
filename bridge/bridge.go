package bridge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph/change"
)

// Link is the state of the connection, as the status bar shows it.
type Link int32

// Connection states.
const (
	Connected Link = iota
	Reconnecting
	Offline
)

func (l Link) String() string {
	return [...]string{"connected", "reconnecting", "offline"}[l]
}

// Delivery is one decoded event on its way to the game loop.
type Delivery struct {
	Graph    string
	Sequence uint64
	// Time is when the service persisted the event (for time travel).
	Time  time.Time
	Event change.Event
}

// Config tunes a bridge. Zero values take the defaults.
type Config struct {
	// EventBuffer is how many decoded events may wait for the game loop
	// (default 65536: at 60 ticks/s it must not be what bounds a replay).
	EventBuffer int
	// QueueLimit bounds the commands waiting to be sent, offline included
	// (default 1024). Beyond it new edits are refused, visibly.
	QueueLimit int
	Logger     *slog.Logger
	// NoPages replays the stream through an ordered consumer only, never
	// in pages from the graph service (for comparison and tests).
	NoPages bool
}

func (c Config) withDefaults() Config {
	if c.EventBuffer <= 0 {
		c.EventBuffer = 1 << 16
	}
	if c.QueueLimit <= 0 {
		c.QueueLimit = 1024
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Bridge links the editor to the graph domain over one NATS connection.
type Bridge struct {
	cfg    Config
	nc     *nats.Conn
	store  *jsstore.Store
	client *service.Client
	follow eventstore.Subscription // set once the replay reaches the stream; guarded by mu
	mu     sync.Mutex
	// Paged counts the events replayed in pages from the graph service.
	Paged atomic.Int64

	in      *inbox
	queue   chan outgoing
	replies chan reply
	link    atomic.Int32
	queued  atomic.Int64
	// catchUp is the stream sequence that was last when the bridge started:
	// once it is drained, the world is built and live.
	catchUp uint64
	// Stats counts what was skipped on the wire (for the status bar and tests).
	Stats     WireStats
	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	reconnect chan struct{}
}

// WireStats counts events that could not be used.
type WireStats struct {
	Malformed atomic.Int64
}

// Start opens the graph domain's stream on nc, starts following it from the
// first event and starts the command sender. nc should be made with
// [ConnectOptions] so the bridge hears about disconnects.
func Start(ctx context.Context, nc *nats.Conn, cfg Config) (*Bridge, error) {
	cfg = cfg.withDefaults()
	store, err := jsstore.Open(ctx, nc, graphdomain.Name, jsstore.WithLogger(cfg.Logger))
	if err != nil {
		return nil, fmt.Errorf("bridge: open the graph stream: %w", err)
	}
	last, err := store.LastSequence(ctx)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("bridge: %w", err)
	}
	b := &Bridge{cfg: cfg, nc: nc, store: store, client: service.NewClient(nc, graphdomain.Name),
		in: newInbox(cfg.EventBuffer), queue: make(chan outgoing, cfg.QueueLimit),
		replies: make(chan reply, cfg.QueueLimit), catchUp: last, reconnect: make(chan struct{}, 1)}
	b.ctx, b.cancel = context.WithCancel(context.Background())
	b.watchConnection()
	b.wg.Add(2)
	go b.replay()
	go b.sendLoop()
	return b, nil
}

// deliver decodes one stored event and hands it on; it runs on the
// consumer's goroutine and waits while the game loop is behind.
func (b *Bridge) deliver(e message.Event) {
	ev, err := graphdomain.DecodeEvent(e)
	if err != nil {
		b.Stats.Malformed.Add(1)
		b.cfg.Logger.Warn("bridge: skipped an event that does not decode", "subject_seq", e.Sequence, "type", e.Type, "err", err)
		return
	}
	b.in.put(Delivery{Graph: e.AggregateID, Sequence: e.Sequence, Time: e.Time, Event: ev})
}

// Link reports the connection state.
func (b *Bridge) Link() Link { return Link(b.link.Load()) }

// Queued is the number of commands waiting to be sent or answered.
func (b *Bridge) Queued() int { return int(b.queued.Load()) }

// CatchUpSequence is the last stream sequence when the bridge started.
func (b *Bridge) CatchUpSequence() uint64 { return b.catchUp }

// Close stops following and sending. Commands still queued are dropped;
// the ones already sent stand or fall with the service.
func (b *Bridge) Close() error {
	b.cancel()
	b.in.close()
	b.wg.Wait()
	b.mu.Lock()
	if b.follow != nil {
		b.follow.Stop()
	}
	b.mu.Unlock()
	return b.store.Close()
}

// ErrQueueFull refuses an edit while the offline queue is full.
var ErrQueueFull = errors.New("too many edits waiting for the server; try again when it is back")
