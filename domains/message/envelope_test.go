package message_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/message"
)

func genID() *rapid.Generator[uuid.UUID] {
	return rapid.Custom(func(t *rapid.T) uuid.UUID {
		var u uuid.UUID
		copy(u[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "bytes"))
		if u == uuid.Nil {
			u[15] = 1
		}
		return u
	})
}

func genIdentity(t *rapid.T) message.Identity {
	return message.Identity{MessageID: genID().Draw(t, "mid"), CorrelationID: genID().Draw(t, "corr"), CausationID: genID().Draw(t, "cause")}
}

var genToken = rapid.StringMatching(`[A-Za-z0-9_:-]{1,24}`)

func genPayload(t *rapid.T) json.RawMessage {
	v := rapid.MapOf(rapid.StringN(0, 8, -1), rapid.OneOf(
		rapid.Just[any](nil), rapid.Map(rapid.Int(), func(i int) any { return i }),
		rapid.Map(rapid.String(), func(s string) any { return s }))).Draw(t, "payload")
	if len(v) == 0 && rapid.Bool().Draw(t, "empty") {
		return nil
	}
	b, _ := json.Marshal(v)
	return b
}

func genEvent(t *rapid.T) message.Event {
	return message.Event{Identity: genIdentity(t), Domain: "flow", Type: genToken.Draw(t, "type"),
		AggregateID: genToken.Draw(t, "agg"), Version: rapid.Uint64().Draw(t, "version"),
		Time:    time.Unix(0, rapid.Int64Range(-1<<62, 1<<62).Draw(t, "time")).In(time.FixedZone("x", 3600)),
		Payload: genPayload(t)}
}

func TestEventHeadersDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEvent(t)
		h := e.Headers()
		if h.Get(message.HeaderMsgID) != e.MessageID.String() {
			t.Fatalf("Nats-Msg-Id %q, want the message id %s", h.Get(message.HeaderMsgID), e.MessageID)
		}
		got, err := message.DecodeEvent(e.Domain, h, e.Payload)
		if err != nil {
			t.Fatal(err)
		}
		if !sameEvent(got, e) {
			t.Fatalf("decoded %+v\nfrom    %+v", got, e)
		}
	})
}

func TestCommandHeadersDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := message.Command{Identity: genIdentity(t), Domain: "flow", Type: genToken.Draw(t, "type"),
			AggregateID:     rapid.OneOf(rapid.Just(""), genToken).Draw(t, "agg"),
			ExpectedVersion: rapid.Uint64().Draw(t, "expected"), Payload: genPayload(t)}
		got, err := message.DecodeCommand(c.Domain, c.Headers(), c.Payload)
		if err != nil {
			t.Fatal(err)
		}
		if got.Identity != c.Identity || got.Type != c.Type || got.AggregateID != c.AggregateID ||
			got.ExpectedVersion != c.ExpectedVersion || !bytes.Equal(got.Payload, c.Payload) {
			t.Fatalf("decoded %+v\nfrom    %+v", got, c)
		}
	})
}

func sameEvent(a, b message.Event) bool {
	return a.Identity == b.Identity && a.Domain == b.Domain && a.Type == b.Type && a.AggregateID == b.AggregateID &&
		a.Version == b.Version && a.Time.Equal(b.Time) && bytes.Equal(a.Payload, b.Payload)
}

func TestDecodeEventRefusesBrokenMessages(t *testing.T) {
	good := message.NewEvent(message.NewRoot(), "flow", "NodeAdded", "n1", 1, json.RawMessage(`{}`))
	cases := map[string]func(h nats.Header) []byte{
		"no message id":   func(h nats.Header) []byte { h.Del(message.HeaderMessageID); return good.Payload },
		"bad correlation": func(h nats.Header) []byte { h.Set(message.HeaderCorrelationID, "nope"); return good.Payload },
		"nil causation":   func(h nats.Header) []byte { h.Set(message.HeaderCausationID, uuid.Nil.String()); return good.Payload },
		"no type":         func(h nats.Header) []byte { h.Del(message.HeaderEventType); return good.Payload },
		"no aggregate":    func(h nats.Header) []byte { h.Del(message.HeaderAggregateID); return good.Payload },
		"bad version":     func(h nats.Header) []byte { h.Set(message.HeaderAggregateVersion, "-1"); return good.Payload },
		"bad time":        func(h nats.Header) []byte { h.Set(message.HeaderTime, "yesterday"); return good.Payload },
		"body not JSON":   func(nats.Header) []byte { return []byte("{") },
	}
	for name, breakIt := range cases {
		h := good.Headers()
		body := breakIt(h)
		if _, err := message.DecodeEvent("flow", h, body); !errors.Is(err, message.ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
}

func TestNewEventIsCausedAndStamped(t *testing.T) {
	cmd := message.NewCommand("flow", "AddNode", "n1", nil)
	before := time.Now()
	e := message.NewEvent(cmd.Identity, "flow", "NodeAdded", "n1", 1, nil)
	if e.CausationID != cmd.MessageID || e.CorrelationID != cmd.CorrelationID || e.Time.Before(before.Add(-time.Millisecond)) {
		t.Fatalf("event %+v from command %+v", e, cmd)
	}
	if e.Subject() != "cim.flow.evt.n1.NodeAdded" {
		t.Fatalf("subject %q", e.Subject())
	}
}
