package message_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
)

// wireHeader builds a header from raw values; "" leaves a header out.
func wireHeader(mid, corr, cause, typ, agg, version, at string) nats.Header {
	h := nats.Header{}
	for k, v := range map[string]string{message.HeaderMessageID: mid, message.HeaderCorrelationID: corr,
		message.HeaderCausationID: cause, message.HeaderAggregateID: agg, message.HeaderAggregateVersion: version,
		message.HeaderTime: at, message.HeaderEventType: typ, message.HeaderCommandType: typ} {
		if v != "" {
			h.Set(k, v)
		}
	}
	return h
}

func addSeeds(f *testing.F) {
	e := message.NewEvent(message.NewRoot(), "flow", "NodeAdded", "n1", 3, []byte(`{"x":1}`))
	h := e.Headers()
	get := func(k string) string { return h.Get(k) }
	mid, corr, cause, at := get(message.HeaderMessageID), get(message.HeaderCorrelationID), get(message.HeaderCausationID), get(message.HeaderTime)
	f.Add(mid, corr, cause, "NodeAdded", "n1", "3", at, []byte(`{"x":1}`))
	f.Add(mid, corr, cause, "NodeAdded", "n1", "3", at, []byte(nil))
	f.Add(mid, mid, mid, "T", "a", "18446744073709551615", "2026-01-02T03:04:05Z", []byte(`[1,2]`))
	f.Add(mid, corr, cause, "T", "a", "18446744073709551616", at, []byte(`"s"`))
	f.Add("x", "", "", "", "", "", "", []byte("{"))
	f.Add(mid, corr, "00000000-0000-0000-0000-000000000000", "T", "a", "1", at, []byte(`null`))
	f.Add(mid, corr, cause, "T", "a", "1", "2026-13-40T99:99:99Z", []byte(`{}`))
	f.Add("{"+mid+"}", corr, cause, "T", "a", "+1", at, []byte("\xff"))
}

func FuzzDecodeEvent(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, mid, corr, cause, typ, agg, version, at string, body []byte) {
		e, err := message.DecodeEvent("flow", wireHeader(mid, corr, cause, typ, agg, version, at), body)
		if err != nil {
			if !errors.Is(err, message.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		again, err := message.DecodeEvent("flow", e.Headers(), e.Payload)
		if err != nil || !sameEvent(again, e) {
			t.Fatalf("decoded event does not round-trip: %+v, %v", again, err)
		}
	})
}

func FuzzDecodeCommand(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, mid, corr, cause, typ, agg, version, at string, body []byte) {
		c, err := message.DecodeCommand("flow", wireHeader(mid, corr, cause, typ, agg, version, at), body)
		if err != nil {
			if !errors.Is(err, message.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		again, err := message.DecodeCommand("flow", c.Headers(), c.Payload)
		if err != nil || again.Identity != c.Identity || again.Type != c.Type || again.AggregateID != c.AggregateID ||
			again.ExpectedVersion != c.ExpectedVersion || !bytes.Equal(again.Payload, c.Payload) {
			t.Fatalf("decoded command does not round-trip: %+v, %v", again, err)
		}
	})
}
