package jsstore

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// TestPositionMatchesMetadata: on messages a real server delivers, the
// position read from the reply subject is the one nats.go's Metadata
// reads.
func TestPositionMatchesMetadata(t *testing.T) {
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	js, _ := jetstream.New(nc)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "S", Subjects: []string{"s.>"}}); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := js.Publish(ctx, "s."+strconv.Itoa(i), nil); err != nil {
			t.Fatal(err)
		}
	}
	cons, err := js.OrderedConsumer(ctx, "S", jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		m, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		meta, _ := m.Metadata()
		got, ok := parseAckReply(m.Reply())
		if want := (position{seq: meta.Sequence.Stream, pending: meta.NumPending}); !ok || got != want {
			t.Fatalf("%s: got %+v %v, want %+v", m.Reply(), got, ok, want)
		}
	}
}

func TestParseAckReplyForms(t *testing.T) {
	cases := []struct {
		reply string
		want  position
		ok    bool
	}{
		{"$JS.ACK.S.C.1.42.7.1700000000.3", position{42, 3}, true},
		{"$JS.ACK._.HASH.S.C.1.42.7.1700000000.3.tok", position{42, 3}, true},
		{"$JS.ACK._.HASH.S.C.1.42.7.1700000000.3", position{42, 3}, true},
		{"$JS.ACK._.HASH.S.C.1.42.7.1700000000.3.a.b", position{42, 3}, true},
		{"$JS.ACK.S.C.1.x.7.1700000000.3", position{}, false},
		{"$JS.ACK.S.C.1.42.7.1700000000", position{}, false},
		{"$JS.ACK._.HASH.S.C.1.42.7.1700000000.3x", position{}, false},
		{"_INBOX.abc", position{}, false},
		{"", position{}, false},
	}
	for _, c := range cases {
		if got, ok := parseAckReply(c.reply); ok != c.ok || (ok && got != c.want) {
			t.Errorf("%q: got %+v %v, want %+v %v", c.reply, got, ok, c.want, c.ok)
		}
	}
}

// FuzzParseAckReply: any subject is read without a panic, and a position
// it reports is made of numbers the subject holds.
func FuzzParseAckReply(f *testing.F) {
	f.Add("$JS.ACK.S.C.1.42.7.1700000000.3")
	f.Add("$JS.ACK._.HASH.S.C.1.42.7.1700000000.3.tok")
	f.Add("$JS.ACK........")
	f.Fuzz(func(t *testing.T, reply string) {
		p, ok := parseAckReply(reply)
		if ok && (!strings.Contains(reply, "."+strconv.FormatUint(p.seq, 10)) && !strings.Contains(reply, ".0")) {
			t.Fatalf("%q: sequence %d is not in it", reply, p.seq)
		}
	})
}
