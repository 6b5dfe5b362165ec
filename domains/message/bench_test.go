package message_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore/storebench"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// perCPUSecond reports millions of ops per second of wall time and of
// process CPU time: on a machine shared with other work the CPU figure is
// what one core would do.
func perCPUSecond(b *testing.B, cpuStart time.Duration, unit string) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, unit)
	if cpu := storebench.CPUTime() - cpuStart; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds()/1e6, unit+"-cpu")
	}
}

func BenchmarkNewID(b *testing.B) {
	b.ReportAllocs()
	cpu := storebench.CPUTime()
	for b.Loop() {
		_ = message.NewID()
	}
	perCPUSecond(b, cpu, "Mid/s")
}

func BenchmarkNewEvent(b *testing.B) {
	cause := message.NewRoot()
	payload := json.RawMessage(`{"x":1,"y":2}`)
	b.ReportAllocs()
	cpu := storebench.CPUTime()
	for b.Loop() {
		_ = message.NewEvent(cause, "flow", "NodeMoved", "n1", 7, payload)
	}
	perCPUSecond(b, cpu, "Mevents/s")
}

func BenchmarkHeaders(b *testing.B) {
	e := message.NewEvent(message.NewRoot(), "flow", "NodeMoved", "n1", 7, nil)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Headers()
	}
}

// BenchmarkPublish compares the Publisher with raw nc.PublishMsg of the
// same subject, headers and payload to the same embedded server: "raw"
// publishes one prebuilt message, "raw-build" builds it from the event
// each time (what code without a Publisher does). Compare msgs/s.
func BenchmarkPublish(b *testing.B) {
	_, nc := natstest.Start(b)
	for _, c := range []struct {
		name    string
		measure func(*nats.Conn, int) (float64, error)
	}{{"raw", storebench.RawPublish}, {"raw-build", rawBuild}, {"publisher", storebench.Publish}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			rate, err := c.measure(nc, b.N)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(rate, "msgs/s")
		})
	}
}

func rawBuild(nc *nats.Conn, n int) (float64, error) {
	e := message.NewEvent(message.NewRoot(), storebench.Domain, "Type1", "agg1", 1, storebench.Payload)
	start := time.Now()
	for range n {
		if err := nc.PublishMsg(&nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}); err != nil {
			return 0, err
		}
	}
	err := nc.Flush()
	return float64(n) / time.Since(start).Seconds(), err
}
