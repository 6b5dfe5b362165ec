package telemetry

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/cimviz/cimviz/domains/service"
)

// DefaultHealthWait is how long [Health] collects STATS answers.
const DefaultHealthWait = 500 * time.Millisecond

// ServiceHealth is one micro service as its $SRV.STATS answers tell it,
// summed over its instances.
type ServiceHealth struct {
	// Name is the micro service's name (cim-<domain> for the harness).
	Name string
	// Up is true when at least one instance answered.
	Up bool
	// Instances is how many instances answered.
	Instances int
	// Handled is the commands handled (the harness's commands_handled),
	// or for a service outside the harness, the requests of all endpoints.
	Handled uint64
	// Errors is the commands refused (commands_rejected), or the
	// requests answered with an error.
	Errors uint64
}

// Health asks every micro service on nc for its STATS, collects answers
// for wait (or until ctx ends), and sums them per service, sorted by
// name. Each expected name that did not answer is reported down.
func Health(ctx context.Context, nc *nats.Conn, wait time.Duration, expected ...string) ([]ServiceHealth, error) {
	answers, err := gatherStats(ctx, nc, wait)
	if err != nil {
		return nil, err
	}
	byName := map[string]*ServiceHealth{}
	for _, name := range expected {
		byName[name] = &ServiceHealth{Name: name}
	}
	for _, st := range answers {
		h, ok := byName[st.Name]
		if !ok {
			h = &ServiceHealth{Name: st.Name}
			byName[st.Name] = h
		}
		h.add(st)
	}
	out := make([]ServiceHealth, 0, len(byName))
	for _, h := range byName {
		out = append(out, *h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// add counts one instance's STATS answer.
func (h *ServiceHealth) add(st micro.Stats) {
	h.Up = true
	h.Instances++
	for _, ep := range st.Endpoints {
		var s service.Stats
		if ep.Name == "commands" && len(ep.Data) > 0 && json.Unmarshal(ep.Data, &s) == nil {
			h.Handled += s.Handled
			h.Errors += s.Rejected
			return
		}
	}
	for _, ep := range st.Endpoints {
		h.Handled += uint64(ep.NumRequests)
		h.Errors += uint64(ep.NumErrors)
	}
}

// gatherStats publishes one $SRV.STATS request and decodes every answer
// that arrives within wait. An answer that does not decode is skipped.
func gatherStats(ctx context.Context, nc *nats.Conn, wait time.Duration) ([]micro.Stats, error) {
	subj, err := micro.ControlSubject(micro.StatsVerb, "", "")
	if err != nil {
		return nil, err
	}
	inbox := nc.NewRespInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		return nil, fmt.Errorf("telemetry: subscribe: %w", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	if err := nc.PublishRequest(subj, inbox, nil); err != nil {
		return nil, fmt.Errorf("telemetry: ask %s: %w", subj, err)
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var out []micro.Stats
	for {
		msg, err := sub.NextMsgWithContext(ctx)
		if err != nil {
			return out, nil // the wait is over
		}
		var st micro.Stats
		if json.Unmarshal(msg.Data, &st) == nil && st.Name != "" {
			out = append(out, st)
		}
	}
}

// serviceCollector exports, at each scrape, whether each expected service
// answers STATS and with how many instances.
type serviceCollector struct {
	nc        *nats.Conn
	expected  []string
	wait      time.Duration
	up, count *prometheus.Desc
}

// AddServices exports cimviz_service_up and cimviz_service_instances for
// every service answering $SRV.STATS on nc, and for each expected name
// even when it does not answer (up 0). Each scrape costs one request and
// waits up to wait for the answers.
func (m *Metrics) AddServices(nc *nats.Conn, wait time.Duration, expected ...string) error {
	return m.reg.Register(&serviceCollector{nc: nc, expected: expected, wait: wait,
		up: prometheus.NewDesc(prometheus.BuildFQName(Namespace, "service", "up"),
			"1 when at least one instance of the service answered $SRV.STATS at this scrape.", []string{"service"}, nil),
		count: prometheus.NewDesc(prometheus.BuildFQName(Namespace, "service", "instances"),
			"Instances of the service that answered $SRV.STATS at this scrape.", []string{"service"}, nil)})
}

// Describe sends the two descriptions (prometheus.Collector).
func (c *serviceCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.up; ch <- c.count }

// Collect asks for STATS and sends each service's figures.
func (c *serviceCollector) Collect(ch chan<- prometheus.Metric) {
	health, err := Health(context.Background(), c.nc, c.wait, c.expected...)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.up, err)
		return
	}
	for _, h := range health {
		up := 0.0
		if h.Up {
			up = 1
		}
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, up, h.Name)
		ch <- prometheus.MustNewConstMetric(c.count, prometheus.GaugeValue, float64(h.Instances), h.Name)
	}
}
