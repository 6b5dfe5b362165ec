package telemetry

import (
	"github.com/nats-io/nats-server/v2/server"
	"github.com/prometheus/client_golang/prometheus"
)

// serverCollector reads an in-process nats-server's Varz and Jsz at each
// scrape: nothing is sampled in between.
type serverCollector struct {
	ns    *server.Server
	descs map[string]*prometheus.Desc
}

// serverFigures are the exported figures: name, help, type and how each
// is read from Varz and Jsz.
var serverFigures = []struct {
	name, help string
	kind       prometheus.ValueType
	read       func(*server.Varz, *server.JSInfo) float64
}{
	{"nats_connections", "Client connections open now.", prometheus.GaugeValue,
		func(v *server.Varz, _ *server.JSInfo) float64 { return float64(v.Connections) }},
	{"nats_in_messages_total", "Messages the server received.", prometheus.CounterValue,
		func(v *server.Varz, _ *server.JSInfo) float64 { return float64(v.InMsgs) }},
	{"nats_out_messages_total", "Messages the server sent.", prometheus.CounterValue,
		func(v *server.Varz, _ *server.JSInfo) float64 { return float64(v.OutMsgs) }},
	{"nats_slow_consumers_total", "Clients disconnected for being slow consumers.", prometheus.CounterValue,
		func(v *server.Varz, _ *server.JSInfo) float64 { return float64(v.SlowConsumers) }},
	{"jetstream_storage_bytes", "Bytes JetStream holds in file storage.", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Store) }},
	{"jetstream_storage_limit_bytes", "JetStream's file storage limit (max_file_store).", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Config.MaxStore) }},
	{"jetstream_memory_bytes", "Bytes JetStream holds in memory storage.", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Memory) }},
	{"jetstream_memory_limit_bytes", "JetStream's memory storage limit (max_memory_store).", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Config.MaxMemory) }},
	{"jetstream_streams", "Streams on the server.", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Streams) }},
	{"jetstream_consumers", "Consumers on the server.", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Consumers) }},
	{"jetstream_messages", "Messages held in all streams.", prometheus.GaugeValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.Messages) }},
	{"jetstream_api_requests_total", "JetStream API requests received.", prometheus.CounterValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.API.Total) }},
	{"jetstream_api_errors_total", "JetStream API requests answered with an error.", prometheus.CounterValue,
		func(_ *server.Varz, j *server.JSInfo) float64 { return float64(j.API.Errors) }},
}

// AddServer exports ns's NATS and JetStream figures, read at each scrape.
func (m *Metrics) AddServer(ns *server.Server) error {
	c := &serverCollector{ns: ns, descs: map[string]*prometheus.Desc{}}
	for _, f := range serverFigures {
		c.descs[f.name] = prometheus.NewDesc(prometheus.BuildFQName(Namespace, "", f.name), f.help, nil, nil)
	}
	return m.reg.Register(c)
}

// Describe sends the figures' descriptions (prometheus.Collector).
func (c *serverCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d
	}
}

// Collect reads Varz and Jsz once and sends every figure; a server that
// does not answer (shut down) yields none rather than stale values.
func (c *serverCollector) Collect(ch chan<- prometheus.Metric) {
	v, err := c.ns.Varz(nil)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.descs["nats_connections"], err)
		return
	}
	j, err := c.ns.Jsz(nil)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.descs["jetstream_storage_bytes"], err)
		return
	}
	for _, f := range serverFigures {
		ch <- prometheus.MustNewConstMetric(c.descs[f.name], f.kind, f.read(v, j))
	}
}
