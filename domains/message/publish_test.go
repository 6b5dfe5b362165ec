package message_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func TestPublisherSendsDecodableEvents(t *testing.T) {
	_, nc := natstest.Start(t)
	got := make(chan *nats.Msg, 200)
	if _, err := nc.ChanSubscribe("cim.flow.evt.>", got); err != nil {
		t.Fatal(err)
	}
	pub := message.NewPublisher(nc)
	cmd := message.NewCommand("flow", "AddNode", "n1", nil)
	var sent sync.Map
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 25 {
				payload := json.RawMessage(`{"g":` + string(rune('0'+g)) + `}`)
				e := message.NewEvent(cmd.Identity, "flow", "NodeAdded", "n"+string(rune('a'+i)), uint64(i+1), payload)
				sent.Store(e.MessageID, e)
				if err := pub.Publish(e); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	for range 100 {
		select {
		case m := <-got:
			e, err := message.DecodeEvent("flow", m.Header, m.Data)
			if err != nil {
				t.Fatal(err)
			}
			want, ok := sent.Load(e.MessageID)
			if !ok || !sameEvent(e, want.(message.Event)) || m.Subject != e.Subject() {
				t.Fatalf("received %s %+v, sent %+v", m.Subject, e, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("published events did not arrive")
		}
	}
}
