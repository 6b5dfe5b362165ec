package service_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/service"
)

// FuzzExecute feeds arbitrary commands to the counter domain: none may
// panic or be an internal error, and a refused one appends nothing.
func FuzzExecute(f *testing.F) {
	f.Add("create", "c2", []byte(`{"name":"x","limit":3}`))
	f.Add("increment", "c1", []byte(`{"by":2}`))
	f.Add("increment", "c1", []byte(`{"by":-2}`))
	f.Add("rename", "c1", []byte(`{"name":""}`))
	f.Add("rename", "c1", []byte(`{"name":`))
	f.Add("explode", "c1", []byte(`{}`))
	f.Add("increment", "a.b", []byte(``))
	f.Add("create", "", []byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, typ, aggregate string, payload []byte) {
		store := newStore(t)
		e := newEngine(t, store, quiet)
		mustExecute(t, e, command("create", "c1", `{"name":"visits","limit":10}`))
		cmd := command(typ, aggregate, "")
		if json.Valid(payload) {
			cmd.Payload = payload
		}
		_, err := e.Execute(context.Background(), cmd)
		last, _ := store.LastSequence(context.Background())
		if err != nil && (service.Code(err) == 500 || last != 1) {
			t.Fatalf("%s %q %q: %v (code %d), store at %d", typ, aggregate, payload, err, service.Code(err), last)
		}
	})
}

// FuzzDecodeAck reads arbitrary replies: an ack or an error, never a
// panic, and an error header always wins over the body.
func FuzzDecodeAck(f *testing.F) {
	f.Add("", "", []byte(`{"aggregate_id":"c1","version":1,"event_ids":[],"sequence":1}`))
	f.Add("409", "conflict", []byte(`{"code":409}`))
	f.Add("x", "", []byte(`{`))
	f.Add("", "", []byte(`{"event_ids":["nope"]}`))
	f.Fuzz(func(t *testing.T, code, desc string, body []byte) {
		msg := &nats.Msg{Header: nats.Header{}, Data: body}
		if code != "" {
			msg.Header.Set(micro.ErrorCodeHeader, code)
			msg.Header.Set(micro.ErrorHeader, desc)
		}
		_, err := service.DecodeAck(msg)
		if code != "" && err == nil {
			t.Fatalf("error code %q decoded as an ack", code)
		}
	})
}
