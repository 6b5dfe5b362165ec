package flow

import (
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// Node kinds of the flow graph.
const (
	KindService = "service"
	KindSubject = "subject"
	KindClient  = "client"
)

// Edge kinds of the flow graph.
const (
	EdgeSends     = "sends"     // client → subject
	EdgeHandles   = "handles"   // subject → service
	EdgePublishes = "publishes" // service → subject
)

// UnknownPublisher names the sender of a message with no reply inbox
// and no client header.
const UnknownPublisher = "unknown publisher"

// Record is one message as a subscriber saw it.
type Record struct {
	Subject string
	Reply   string
	Headers nats.Header
	Size    int
	Time    time.Time
}

// Option changes an observer's settings.
type Option func(*Observer)

// WithHalfLife sets the half-life of the rates (values <= 0 are ignored).
func WithHalfLife(d time.Duration) Option {
	return func(o *Observer) {
		if d > 0 {
			o.tau = d.Seconds() / math.Ln2
		}
	}
}

// WithClientHeader names a header that identifies the sending client
// (e.g. one the editor sets on its commands).
func WithClientHeader(h string) Option { return func(o *Observer) { o.clientHeader = h } }

// Observer accumulates the flow graph. It is safe for concurrent use.
type Observer struct {
	mu           sync.Mutex
	tau          float64 // seconds
	clientHeader string
	nodes        map[string]nodeInfo
	edges        map[edgeKey]*rate
	services     map[string]*service
	order        []*service // services sorted by name
}

type nodeInfo struct{ kind, label string }

type edgeKey struct{ from, to, kind string }

// New returns an empty observer.
func New(opts ...Option) *Observer {
	o := &Observer{tau: 5 / math.Ln2, nodes: map[string]nodeInfo{}, edges: map[edgeKey]*rate{},
		services: map[string]*service{}}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// Observe records one message.
func (o *Observer) Observe(r Record) {
	o.mu.Lock()
	defer o.mu.Unlock()
	group := o.node(KindSubject, Group(r.Subject))
	if svc := o.owner(r.Subject); svc != nil && isEvent(r.Subject) {
		o.bump(o.node(KindService, svc.name), group, EdgePublishes, r.Time)
		return
	}
	o.bump(o.node(KindClient, o.client(r)), group, EdgeSends, r.Time)
	for _, svc := range o.handlers(r.Subject) {
		o.bump(group, o.node(KindService, svc.name), EdgeHandles, r.Time)
	}
}

// Discover records a $SRV.INFO answer.
func (o *Observer) Discover(info micro.Info, at time.Time) {
	if info.Name == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	svc := o.services[info.Name]
	if svc == nil {
		svc = &service{name: info.Name, instances: map[string]time.Time{}}
		o.services[info.Name] = svc
		o.order = append(o.order, svc)
		slices.SortFunc(o.order, func(a, b *service) int { return strings.Compare(a.name, b.name) })
	}
	svc.update(info, at)
	id := o.node(KindService, info.Name)
	for _, ep := range info.Endpoints {
		g := o.node(KindSubject, Group(ep.Subject))
		if _, ok := o.edges[edgeKey{g, id, EdgeHandles}]; !ok {
			o.edges[edgeKey{g, id, EdgeHandles}] = &rate{}
		}
	}
}

// node registers a node and returns its ID.
func (o *Observer) node(kind, label string) string {
	id := NodeID(kind, label)
	if _, ok := o.nodes[id]; !ok {
		o.nodes[id] = nodeInfo{kind, label}
	}
	return id
}

func (o *Observer) bump(from, to, kind string, at time.Time) {
	k := edgeKey{from, to, kind}
	r := o.edges[k]
	if r == nil {
		r = &rate{}
		o.edges[k] = r
	}
	r.add(at, o.tau)
}

// client names the sender of r, best effort.
func (o *Observer) client(r Record) string {
	if o.clientHeader != "" {
		if c := r.Headers.Get(o.clientHeader); c != "" {
			return c
		}
	}
	if r.Reply == "" {
		return UnknownPublisher
	}
	toks := strings.SplitN(r.Reply, ".", 3)
	if len(toks) >= 2 && toks[0] == "_INBOX" {
		return toks[0] + "." + toks[1]
	}
	return toks[0]
}
