package jsstore

import (
	"encoding/json"
	"testing"
)

// FuzzParseAck: whatever the fast ack parser accepts, encoding/json reads
// as a success ack with the same sequence.
func FuzzParseAck(f *testing.F) {
	f.Add([]byte(`{"stream":"CIM_FLOW","seq":42}`))
	f.Add([]byte(`{"stream":"CIM_FLOW","seq":42,"duplicate": true}`))
	f.Add([]byte(`{"stream":"CIM_FLOW","seq":042}`))
	f.Add([]byte(`{"stream":"CIM_FLOW","seq":18446744073709551616}`))
	f.Add([]byte(`{"error":{"code":400,"err_code":10071,"description":"wrong last sequence: 3"},"stream":"CIM_FLOW","seq":0}`))
	s := &Store{ackPrefix: ackPrefix("CIM_FLOW")}
	f.Fuzz(func(t *testing.T, data []byte) {
		seq, ok := s.parseAck(data)
		if !ok {
			return
		}
		var ack pubAck
		if err := json.Unmarshal(data, &ack); err != nil || ack.Error != nil || ack.Seq != seq {
			t.Fatalf("%q: fast parser says %d, encoding/json %+v (%v)", data, seq, ack, err)
		}
	})
}
