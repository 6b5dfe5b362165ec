package message_test

import (
	"encoding/json"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func BenchmarkNewID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = message.NewID()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "Mid/s")
}

func BenchmarkNewEvent(b *testing.B) {
	cause := message.NewRoot()
	payload := json.RawMessage(`{"x":1,"y":2}`)
	b.ReportAllocs()
	for b.Loop() {
		_ = message.NewEvent(cause, "flow", "NodeMoved", "n1", 7, payload)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "Mevents/s")
}

func BenchmarkHeaders(b *testing.B) {
	e := message.NewEvent(message.NewRoot(), "flow", "NodeMoved", "n1", 7, nil)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Headers()
	}
}

// BenchmarkPublish compares the Publisher with raw nc.PublishMsg of the
// same subject, headers and payload (built once: "raw"; built from the
// event each time: "raw-build") to the same embedded server; the ratio is
// raw ns/op ÷ publisher ns/op.
func BenchmarkPublish(b *testing.B) {
	_, nc := natstest.Start(b)
	e := message.NewEvent(message.NewRoot(), "flow", "NodeMoved", "n1", 7, json.RawMessage(`{"x":1,"y":2}`))
	b.Run("raw", func(b *testing.B) {
		m := natsMsg(e)
		b.ReportAllocs()
		for b.Loop() {
			if err := nc.PublishMsg(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What code without a Publisher would write: build the message from
	// the event each time.
	b.Run("raw-build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := nc.PublishMsg(natsMsg(e)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("publisher", func(b *testing.B) {
		pub := message.NewPublisher(nc)
		b.ReportAllocs()
		for b.Loop() {
			if err := pub.Publish(e); err != nil {
				b.Fatal(err)
			}
		}
	})
	if err := nc.Flush(); err != nil {
		b.Fatal(err)
	}
}
