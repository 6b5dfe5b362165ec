package service

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/uuid"
	"pgregory.net/rapid"
)

// genAck draws acks with IDs that need escaping as well as plain ones.
func genAck(t *rapid.T) Ack {
	a := Ack{
		AggregateID: rapid.OneOf(rapid.StringMatching(`[a-z0-9_-]{0,12}`), rapid.String()).Draw(t, "id"),
		Version:     rapid.Uint64().Draw(t, "version"),
		Sequence:    rapid.Uint64().Draw(t, "sequence"),
		Duplicate:   rapid.Bool().Draw(t, "duplicate"),
	}
	if n := rapid.IntRange(-1, 4).Draw(t, "ids"); n >= 0 {
		a.EventIDs = make([]uuid.UUID, n)
		for i := range a.EventIDs {
			copy(a.EventIDs[i][:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "uuid"))
		}
	}
	return a
}

// The harness's ack encoder writes what json.Marshal writes, and its
// decoder reads it back to the same ack.
func TestAckCodecAgreesWithEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genAck(t)
		want, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("appendJSON %s, json.Marshal %s", got, want)
		}
		back, err := decodeAckBody(want)
		if err != nil || !reflect.DeepEqual(back, a) {
			t.Fatalf("decoded %+v (%v), want %+v", back, err, a)
		}
	})
}

// FuzzParseAck: whatever the fast ack parser accepts, encoding/json reads
// as the same ack.
func FuzzParseAck(f *testing.F) {
	id := uuid.MustParse("0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b")
	f.Add(Ack{AggregateID: "c1", Version: 3, EventIDs: []uuid.UUID{id, id}, Sequence: 9}.appendJSON(nil))
	f.Add(Ack{AggregateID: "c1", Version: 1, Sequence: 1, Duplicate: true}.appendJSON(nil))
	f.Add([]byte(`{"aggregate_id":"c1","version":01,"event_ids":[],"sequence":1}`))
	f.Add([]byte(`{"aggregate_id":"c\"1","version":1,"event_ids":null,"sequence":1}`))
	f.Add([]byte(`{"aggregate_id":"c1","version":1,"event_ids":["{0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b}"],"sequence":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := parseAck(data)
		if !ok {
			return
		}
		var slow Ack
		if err := json.Unmarshal(data, &slow); err != nil {
			t.Fatalf("fast parser accepted %q, encoding/json refuses it: %v", data, err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: fast %+v, encoding/json %+v", data, fast, slow)
		}
	})
}
