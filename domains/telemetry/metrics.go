// Package telemetry makes the CIM's services observable from outside.
//
// [Metrics] exports them to Prometheus: commands handled, refusals by
// code, command latency, conflicts and the last stream sequence per
// domain (as a [service.Observer]), the embedded server's NATS and
// JetStream figures (read from the in-process server at scrape), and
// whether each expected service answers $SRV.STATS. Every figure lives in
// the value's own registry, never the global one.
//
// [Tracer] records one OpenTelemetry span per command, in the trace whose
// ID is the command's correlation ID, so every command of one user action
// lands in one trace. [Health] reads every service's $SRV.STATS into a
// summary for the editor.
package telemetry

import (
	"net/http"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/cimviz/cimviz/domains/service"
)

// Namespace prefixes every exported metric name.
const Namespace = "cimviz"

// Outcomes of a command, the values of the "outcome" label.
const (
	OutcomeAccepted  = "accepted"
	OutcomeDuplicate = "duplicate"
	OutcomeRefused   = "refused"
)

// unknownCommand labels commands that are not the domain's: their names
// are unbounded, so they share one series.
const unknownCommand = "_unknown"

// refusalCodes are the status codes a refusal can carry; each domain's
// series start at zero so rates and ratios exist before the first one.
var refusalCodes = []int{400, 403, 404, 409, 500}

// Metrics holds the collectors and their registry. It is a
// [service.Observer]: give it to each service with service.WithObserver.
type Metrics struct {
	reg       *prometheus.Registry
	commands  *prometheus.CounterVec
	refusals  *prometheus.CounterVec
	conflicts *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	lastSeq   *prometheus.GaugeVec
	seen      sync.Map // domain name -> struct{}, once its zero series exist
	seqMu     sync.Mutex
	seqs      map[string]uint64 // the last sequence set per domain
}

// New returns the command metrics on a fresh registry, with the Go
// runtime and process collectors beside them.
func New() *Metrics {
	m := &Metrics{
		reg:  prometheus.NewRegistry(),
		seqs: map[string]uint64{},
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "commands_total",
			Help: "Commands answered, by domain, command type and outcome (accepted, duplicate, refused)."},
			[]string{"domain", "command", "outcome"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "command_refusals_total",
			Help: "Commands refused, by domain and status code (400, 403, 404, 409, 500)."},
			[]string{"domain", "code"}),
		conflicts: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "command_conflicts_total",
			Help: "Commands refused with a conflict (409): the aggregate changed or already exists."},
			[]string{"domain"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: Namespace, Name: "command_duration_seconds",
			Help:    "Time from a command reaching its worker to its answer, by domain and command type.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2.5, 12)},
			[]string{"domain", "command"}),
		lastSeq: prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "stream_last_sequence",
			Help: "Highest JetStream sequence a domain's acks have reported."},
			[]string{"domain"}),
	}
	m.reg.MustRegister(m.commands, m.refusals, m.conflicts, m.latency, m.lastSeq,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// Registry is where the metrics live, for more collectors or for tests.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// CommandDone counts one answered command (service.Observer).
func (m *Metrics) CommandDone(o service.Outcome) {
	m.start(o.Domain)
	typ := o.Type
	if typ == "" {
		typ = unknownCommand
	}
	m.commands.WithLabelValues(o.Domain, typ, outcome(o)).Inc()
	m.latency.WithLabelValues(o.Domain, typ).Observe(o.Elapsed.Seconds())
	if code := o.Code(); code != 0 {
		m.refusals.WithLabelValues(o.Domain, strconv.Itoa(code)).Inc()
		if code == 409 {
			m.conflicts.WithLabelValues(o.Domain).Inc()
		}
	}
	m.raiseSequence(o.Domain, o.Ack.Sequence)
}

// start creates a domain's refusal and conflict series at zero the first
// time the domain is seen.
func (m *Metrics) start(domain string) {
	if _, loaded := m.seen.LoadOrStore(domain, struct{}{}); loaded {
		return
	}
	for _, c := range refusalCodes {
		m.refusals.WithLabelValues(domain, strconv.Itoa(c))
	}
	m.conflicts.WithLabelValues(domain)
}

// raiseSequence moves the domain's last sequence up to seq (acks of
// different aggregates arrive out of order; the gauge never goes back).
func (m *Metrics) raiseSequence(domain string, seq uint64) {
	if seq == 0 {
		return
	}
	m.seqMu.Lock()
	defer m.seqMu.Unlock()
	if seq > m.seqs[domain] {
		m.seqs[domain] = seq
		m.lastSeq.WithLabelValues(domain).Set(float64(seq))
	}
}

// outcome names how a command ended.
func outcome(o service.Outcome) string {
	switch {
	case o.Err != nil:
		return OutcomeRefused
	case o.Ack.Duplicate:
		return OutcomeDuplicate
	default:
		return OutcomeAccepted
	}
}
