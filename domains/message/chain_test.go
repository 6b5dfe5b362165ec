package message_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/message"
)

func genChain(t *rapid.T) *message.Chain {
	count := rapid.IntRange(2, 6).Draw(t, "count")
	c := &message.Chain{Index: rapid.IntRange(0, count-1).Draw(t, "index"), Count: count}
	if c.Index == 0 {
		for i := 1; i < count; i++ {
			c.Rest = append(c.Rest, message.ChainLink{Type: genToken.Draw(t, "link type"), Payload: genPayload(t)})
		}
	}
	return c
}

func TestChainedEventRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEvent(t)
		e.Chain = genChain(t)
		got, err := message.DecodeEvent(e.Domain, e.Headers(), e.Payload)
		if err != nil {
			t.Fatal(err)
		}
		if !sameEvent(got, e) || !reflect.DeepEqual(got.Chain, e.Chain) {
			t.Fatalf("decoded chain %+v\nfrom         %+v", got.Chain, e.Chain)
		}
	})
}

func TestDecodeEventRefusesBrokenChains(t *testing.T) {
	good := message.NewEvent(message.NewRoot(), "flow", "NodeAdded", "n1", 1, json.RawMessage(`{}`))
	cases := map[string][2]string{
		"not a fraction":        {"1", ""},
		"words":                 {"a/b", ""},
		"index past count":      {"3/3", ""},
		"negative index":        {"-1/3", ""},
		"chain of one":          {"0/1", `[]`},
		"too long":              {"1/100000", ""},
		"first without rest":    {"0/2", ""},
		"rest too short":        {"0/3", `[{"type":"A"}]`},
		"rest on a later event": {"1/2", `[{"type":"A"}]`},
		"rest not json":         {"0/2", `[{"type":`},
		"link without type":     {"0/2", `[{"payload":{}}]`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			h := good.Headers()
			h.Set(message.HeaderChain, c[0])
			if c[1] != "" {
				h.Set(message.HeaderChainRest, c[1])
			}
			if _, err := message.DecodeEvent("flow", h, good.Payload); !errors.Is(err, message.ErrMalformed) {
				t.Fatalf("err = %v, want ErrMalformed", err)
			}
		})
	}
}

func FuzzDecodeChain(f *testing.F) {
	f.Add("0/2", `[{"type":"B","payload":{"x":1}}]`)
	f.Add("1/2", "")
	f.Add("0/3", `[{"type":"B"},{"type":"C","payload":null}]`)
	f.Add("2/1", "[]")
	f.Add("9223372036854775807/9223372036854775807", "")
	good := message.NewEvent(message.NewRoot(), "flow", "A", "n1", 1, json.RawMessage(`{}`))
	f.Fuzz(func(t *testing.T, chain, rest string) {
		h := good.Headers()
		h.Set(message.HeaderChain, chain)
		h.Set(message.HeaderChainRest, rest)
		e, err := message.DecodeEvent("flow", h, good.Payload)
		if err != nil {
			if !errors.Is(err, message.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		again, err := message.DecodeEvent("flow", e.Headers(), e.Payload)
		if err != nil || !reflect.DeepEqual(again.Chain, e.Chain) {
			t.Fatalf("decoded chain does not round-trip: %+v, %v", again.Chain, err)
		}
	})
}
