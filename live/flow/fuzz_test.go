package flow

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// Whatever crosses the wire, observing it and drawing the graph neither
// panics nor makes an edge without both ends.
func FuzzObserve(f *testing.F) {
	f.Add("cim.counter.cmd.create", "_INBOX.a.1", "X-Client", "", []byte(`{"name":"s","endpoints":[{"subject":"cim.counter.cmd.*"}]}`))
	f.Add("", "", "", "", []byte(`{}`))
	f.Add("cim..evt", "_INBOX", "X-Client", ".", []byte(`{"name":"x","metadata":{"domain":""},"endpoints":[{"subject":">"}]}`))
	f.Fuzz(func(t *testing.T, subj, reply, hk, hv string, info []byte) {
		o := New(WithClientHeader("X-Client"))
		var in micro.Info
		if json.Unmarshal(info, &in) == nil {
			o.Discover(in, time.Unix(0, 0))
		}
		o.Observe(Record{Subject: subj, Reply: reply, Headers: nats.Header{hk: {hv}}, Time: time.Unix(1, 0)})
		g := o.Graph(time.Unix(2, 0))
		for _, e := range g.Edges {
			if !g.HasNode(e.From) || !g.HasNode(e.To) {
				t.Fatalf("edge %+v without its ends", e)
			}
		}
	})
}

func BenchmarkObserve(b *testing.B) {
	o := New()
	o.Discover(counterInfo("i1"), t0)
	subjects := []string{"cim.counter.cmd.increment", "cim.counter.evt.c1.incremented", "cim.counter.qry.get"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		o.Observe(Record{Subject: subjects[i%3], Reply: "_INBOX.abc.1", Time: t0.Add(time.Duration(i))})
	}
}
