package demo

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"pgregory.net/rapid"
)

// ev is an event as the store would hand it to Apply.
func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, Payload: raw}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, Payload: json.RawMessage(payload)}
}

func given(events ...message.Event) Counter {
	c := Domain.New()
	for _, e := range events {
		c = Apply(c, e)
	}
	return c
}

var (
	createdVisits = ev("created", Created{Name: "visits", Limit: 10})
	at9           = ev("incremented", Incremented{By: 9, Value: 9})
)

func TestGivenWhenThen(t *testing.T) {
	tests := []struct {
		name    string
		given   []message.Event
		when    message.Command
		then    []service.Draft
		wantErr error
	}{
		{"create", nil, cmd("create", `{"name":"visits","limit":10}`),
			[]service.Draft{{Type: "created", Payload: Created{Name: "visits", Limit: 10}}}, nil},
		{"create without a name", nil, cmd("create", `{"limit":10}`), nil, service.ErrInvalid},
		{"create with a typo", nil, cmd("create", `{"nmae":"x"}`), nil, service.ErrInvalid},
		{"create with malformed JSON", nil, cmd("create", `{"name":`), nil, service.ErrInvalid},
		{"increment by default", []message.Event{createdVisits}, cmd("increment", ``),
			[]service.Draft{{Type: "incremented", Payload: Incremented{By: 1, Value: 1}}}, nil},
		{"increment to the limit", []message.Event{createdVisits, at9}, cmd("increment", `{"by":1}`),
			[]service.Draft{{Type: "incremented", Payload: Incremented{By: 1, Value: 10}}}, nil},
		{"increment past the limit", []message.Event{createdVisits, at9}, cmd("increment", `{"by":2}`), nil, service.ErrInvalid},
		{"increment by zero", []message.Event{createdVisits}, cmd("increment", `{"by":0}`), nil, service.ErrInvalid},
		{"rename", []message.Event{createdVisits}, cmd("rename", `{"name":"hits"}`),
			[]service.Draft{{Type: "renamed", Payload: Renamed{From: "visits", Name: "hits"}}}, nil},
		{"rename to the same name", []message.Event{createdVisits}, cmd("rename", `{"name":"visits"}`), nil, nil},
		{"rename to nothing", []message.Event{createdVisits}, cmd("rename", `{"name":""}`), nil, service.ErrInvalid},
		{"unknown command", []message.Event{createdVisits}, cmd("explode", `{}`), nil, service.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decide(given(tt.given...), tt.when)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.then) {
				t.Fatalf("events = %+v, want %+v", got, tt.then)
			}
		})
	}
}

// Whatever increments are accepted, the value never passes the limit and
// equals the sum of the accepted increments.
func TestValueStaysWithinLimit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		limit := rapid.Int64Range(1, 50).Draw(t, "limit")
		c := given(ev("created", Created{Name: "c", Limit: limit}))
		var sum int64
		for _, by := range rapid.SliceOf(rapid.Int64Range(-3, 20)).Draw(t, "increments") {
			drafts, err := Decide(c, cmd("increment", `{"by":`+jsonInt(by)+`}`))
			if err != nil {
				continue
			}
			sum += by
			c = Apply(c, ev(drafts[0].Type, drafts[0].Payload))
		}
		if c.Value != sum || c.Value > limit || c.Value < 0 {
			t.Fatalf("value %d, accepted sum %d, limit %d", c.Value, sum, limit)
		}
	})
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }
