package service_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

var quiet = service.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))

func serve(t *testing.T, d service.Servable) (*nats.Conn, *service.Service) {
	t.Helper()
	_, nc := natstest.Start(t)
	svc, err := d.Start(nc, newStore(t), quiet, service.WithMaxPayload(1024))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return nc, svc
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestMonitoringEndpoints(t *testing.T) {
	nc, _ := serve(t, demo.Domain)
	cl := service.NewClient(nc, "counter")
	if _, err := cl.Send(ctx(t), command("create", "c1", `{"name":"visits"}`)); err != nil {
		t.Fatal(err)
	}
	var info micro.Info
	request(t, nc, "$SRV.INFO.cim-counter", &info)
	if info.Name != "cim-counter" || info.Version != "1.0.0" || len(info.Endpoints) != 2 ||
		info.Endpoints[0].Subject != "cim.counter.cmd.*" || info.Endpoints[1].Subject != "cim.counter.qry.*" ||
		info.Endpoints[0].Metadata["commands"] != "create,increment,rename" {
		t.Fatalf("info %+v", info)
	}
	var ping micro.Ping
	request(t, nc, "$SRV.PING.cim-counter", &ping)
	if ping.Name != "cim-counter" || ping.ID != info.ID {
		t.Fatalf("ping %+v", ping)
	}
	var stats struct {
		Endpoints []struct {
			Name string        `json:"name"`
			Data service.Stats `json:"data"`
		} `json:"endpoints"`
	}
	request(t, nc, "$SRV.STATS.cim-counter", &stats)
	if d := stats.Endpoints[0].Data; d.Handled != 1 || d.Accepted != 1 || d.LastSequence != 1 || d.ByCommand["create"] != 1 {
		t.Fatalf("stats %+v", stats)
	}
}

func request(t *testing.T, nc *nats.Conn, subj string, into any) {
	t.Helper()
	msg, err := nc.Request(subj, nil, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(msg.Data, into); err != nil {
		t.Fatal(err)
	}
}

func TestCommandsAndQueriesOverNATS(t *testing.T) {
	nc, _ := serve(t, demo.Domain)
	cl := service.NewClient(nc, "counter")
	create := command("create", "", `{"name":"visits"}`)
	ack, err := cl.Send(ctx(t), create)
	if err != nil || ack.Version != 1 {
		t.Fatalf("create: %+v, %v", ack, err)
	}
	inc := command("increment", ack.AggregateID, `{"by":3}`)
	first, err1 := cl.Send(ctx(t), inc)
	again, err2 := cl.Send(ctx(t), inc)
	if err1 != nil || err2 != nil || !again.Duplicate || again.Sequence != first.Sequence {
		t.Fatalf("retry over the wire: %+v %v / %+v %v", first, err1, again, err2)
	}
	var got struct {
		Value   int64  `json:"value"`
		Version uint64 `json:"version"`
	}
	if err := cl.Query(ctx(t), "get", ack.AggregateID, nil, &got); err != nil || got.Value != 3 || got.Version != 2 {
		t.Fatalf("get: %+v, %v", got, err)
	}
	if err := cl.Query(ctx(t), "get", "nope", nil, &got); !errors.Is(err, service.ErrNotFound) {
		t.Fatalf("get of a missing counter: %v", err)
	}
}

// Bad input on the wire gets a clear error reply in micro's error headers;
// nothing is appended.
func TestBadRequestsGetErrorReplies(t *testing.T) {
	nc, svc := serve(t, demo.Domain)
	good := command("create", "c1", `{"name":"visits"}`)
	withHeaders := func(edit func(nats.Header)) nats.Header { h := good.Headers(); edit(h); return h }
	tests := []struct {
		name, subject string
		header        nats.Header
		body          string
		code, text    string
	}{
		{"malformed JSON", "cim.counter.cmd.create", good.Headers(), `{"name":`, "400", "not valid JSON"},
		{"unknown command", "cim.counter.cmd.explode", withHeaders(func(h nats.Header) { h.Del(message.HeaderCommandType) }), `{}`, "400", `unknown command "explode"`},
		{"header disagrees with subject", "cim.counter.cmd.rename", good.Headers(), `{}`, "400", `says "create" but the subject names "rename"`},
		{"missing headers", "cim.counter.cmd.create", nil, `{"name":"x"}`, "400", "missing header X-Message-ID"},
		{"bad message id", "cim.counter.cmd.create", withHeaders(func(h nats.Header) { h.Set(message.HeaderMessageID, "nope") }), `{"name":"x"}`, "400", "not a UUID"},
		{"oversized payload", "cim.counter.cmd.create", good.Headers(), `{"name":"` + strings.Repeat("x", 2000) + `"}`, "400", "over the 1024 byte limit"},
		{"not found", "cim.counter.cmd.increment", withHeaders(func(h nats.Header) { h.Del(message.HeaderCommandType) }), ``, "404", `no counter "c1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply, err := nc.RequestMsg(&nats.Msg{Subject: tt.subject, Header: tt.header, Data: []byte(tt.body)}, 2*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			code, desc := reply.Header.Get(micro.ErrorCodeHeader), reply.Header.Get(micro.ErrorHeader)
			if code != tt.code || !strings.Contains(desc, tt.text) {
				t.Fatalf("reply %s %q, want %s mentioning %q", code, desc, tt.code, tt.text)
			}
		})
	}
	if s := svc.Stats(); s.Accepted != 0 || s.LastSequence != 0 || s.Rejected != uint64(len(tests)) {
		t.Fatalf("stats after bad requests: %+v", s)
	}
}

// A panic in a domain function is a 500 for that command only.
func TestPanicInDomainIsAnInternalError(t *testing.T) {
	d := demo.Domain
	d.Decide = func(c demo.Counter, cmd message.Command) ([]service.Draft, error) {
		if cmd.Type == "rename" {
			panic("bug")
		}
		return demo.Decide(c, cmd)
	}
	nc, _ := serve(t, d)
	cl := service.NewClient(nc, "counter")
	if _, err := cl.Send(ctx(t), command("create", "c1", `{"name":"visits"}`)); err != nil {
		t.Fatal(err)
	}
	_, err := cl.Send(ctx(t), command("rename", "c1", `{"name":"x"}`))
	var we *service.Error
	if !errors.As(err, &we) || we.Code != 500 || strings.Contains(we.Description, "bug") {
		t.Fatalf("panic reply: %v (detail must stay in the log)", err)
	}
	if _, err := cl.Send(ctx(t), command("increment", "c1", "")); err != nil {
		t.Fatalf("service did not survive the panic: %v", err)
	}
}

// After Stop the service answers nothing, and stopping twice is harmless.
func TestStop(t *testing.T) {
	nc, svc := serve(t, demo.Domain)
	if err := svc.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := svc.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err := service.NewClient(nc, "counter").Send(ctx(t), command("create", "c1", `{"name":"x"}`))
	if !errors.Is(err, nats.ErrNoResponders) {
		t.Fatalf("command after Stop: %v, want no responders", err)
	}
}

// Stopping a service while requests pour in answers or refuses each of
// them; none arrives at a stopped worker (that was a panic).
func TestStopUnderLoad(t *testing.T) {
	for round := range 5 {
		_, nc := natstest.Start(t)
		svc, err := demo.Domain.Start(nc, newStore(t), quiet)
		if err != nil {
			t.Fatal(err)
		}
		cl := service.NewClient(nc, "counter")
		if _, err := cl.Send(ctx(t), command("create", "c1", `{"name":"visits"}`)); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		for range 8 {
			go func() {
				for {
					select {
					case <-done:
						return
					default:
					}
					m := nats.NewMsg("cim.counter.cmd.increment")
					m.Header = command("increment", "c1", `{"by":1}`).Headers()
					m.Data = []byte(`{"by":1}`)
					_, _ = nc.RequestMsg(m, 200*time.Millisecond)
				}
			}()
		}
		time.Sleep(30 * time.Millisecond)
		if err := svc.Stop(); err != nil {
			t.Fatalf("round %d: stop: %v", round, err)
		}
		close(done)
		if svc.Stats().Handled == 0 {
			t.Fatalf("round %d: nothing was handled before the stop", round)
		}
	}
}
