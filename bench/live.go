package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/eventlog"
)

// measureLive: the live view under a steady stream of events. Events are
// persisted at a fixed rate while the editor's game loop runs at 60 ticks
// per second, applying them to the world, with the event log panel's ring
// buffer fed from a `cim.>` tap. A rate is kept up with when the world is
// within one second of the stream when the producer stops and no tick
// took over 16 ms. The value is the highest such rate of those tried.
func measureLive(_ context.Context, s Size) (Measurement, error) {
	bb, e, err := startLiveEditor()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	log := eventlog.New()
	sub, err := bb.nc.Subscribe("cim.>", func(m *nats.Msg) { log.Push(eventlog.FromMsg(m.Subject, m.Header, m.Data, time.Now())) })
	if err != nil {
		return Measurement{}, err
	}
	defer sub.Unsubscribe()
	best, version := 0.0, uint64(2)
	note := "highest rate tried"
	for _, rate := range []int{2500, 5000, 10000, 20000} {
		r, err := e.keepUp(bb.nc, rate, version, time.Duration(s.Pick(1, 3))*time.Second)
		version = r.version
		if err != nil || r.maxTick > 16*time.Millisecond {
			note = fmt.Sprintf("at %d/s the slowest tick took %.1f ms (%v)", rate, ms(r.maxTick), err)
			break
		}
		best = float64(rate)
		note = fmt.Sprintf("slowest tick %.1f ms at %d/s, the highest rate tried", ms(r.maxTick), rate)
	}
	return Measurement{Value: best, Note: fmt.Sprintf("%s; game loop without drawing; %d entries in the log panel", note, log.Len())}, nil
}

type keepUpRun struct {
	maxTick time.Duration
	version uint64
}

// keepUp persists rate events/s for d (node "a" of graph "bench", from
// version v) while ticking at 60/s, and reports the slowest tick.
func (e *liveEditor) keepUp(nc *nats.Conn, rate int, v uint64, d time.Duration) (keepUpRun, error) {
	js, err := nc.JetStream(nats.PublishAsyncMaxPending(8192))
	if err != nil {
		return keepUpRun{version: v}, err
	}
	done := make(chan uint64, 1)
	go func() { done <- produce(js, rate, v, d) }()
	run := keepUpRun{version: v}
	frame := time.Second / 60
	start := time.Now()
	for n := 0; ; n++ {
		select {
		case last := <-done:
			run.version = last
			err := e.tickUntil(time.Second, frame, func() bool { return e.d.Projection().Version("bench") >= last })
			return run, err
		default:
		}
		time.Sleep(time.Until(start.Add(time.Duration(n) * frame)))
		t0 := time.Now()
		e.tick()
		run.maxTick = max(run.maxTick, time.Since(t0))
	}
}

// produce publishes node_moved events at rate per second for d, in 10 ms
// slices, and returns the graph's version after the last one.
func produce(js nats.JetStreamContext, rate int, v uint64, d time.Duration) uint64 {
	cause := message.NewRoot()
	per := max(1, rate/100)
	subject := "cim." + graphdomain.Name + ".evt.bench." + change.TypeNodeMoved
	start := time.Now()
	for slice := 0; time.Since(start) < d; slice++ {
		time.Sleep(time.Until(start.Add(time.Duration(slice) * 10 * time.Millisecond)))
		for range per {
			v++
			p, _ := json.Marshal(change.NodeMoved{Node: "a", Pos: graph.Point{X: float64(v), Y: 1}})
			ev := message.NewEvent(cause, graphdomain.Name, change.TypeNodeMoved, "bench", v, p)
			_ = publishAsync(js, &nats.Msg{Subject: subject, Header: ev.Headers(), Data: p})
		}
	}
	<-js.PublishAsyncComplete()
	return v
}
