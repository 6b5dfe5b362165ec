package backup_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/backup"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// fill makes stream CIM_<DOMAIN> on cim.<domain>.evt.> with n events
// (payloads large enough for several snapshot chunks).
func fill(t *testing.T, js jetstream.JetStream, domain string, n int) {
	t.Helper()
	name := "CIM_" + domain
	if _, err := js.CreateStream(ctx(t), jetstream.StreamConfig{Name: name, Subjects: []string{"cim." + domain + ".evt.>"}}); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		m := nats.NewMsg(fmt.Sprintf("cim.%s.evt.a%d.happened", domain, i%7))
		m.Header.Set("X-Event-Type", "happened")
		m.Data = bytes.Repeat([]byte(fmt.Sprintf("%d,", i)), 200)
		if _, err := js.PublishMsg(ctx(t), m); err != nil {
			t.Fatal(err)
		}
	}
}

// events reads every message of stream in order.
func events(t *testing.T, js jetstream.JetStream, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	s, err := js.Stream(ctx(t), stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx(t), seq)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func TestRestoreIntoAFreshServerReadsTheSameEvents(t *testing.T) {
	_, nc := natstest.Start(t)
	js, _ := jetstream.New(nc)
	fill(t, js, "COUNTER", 500)
	fill(t, js, "GRAPH", 3)
	if _, err := js.CreateStream(ctx(t), jetstream.StreamConfig{Name: "OTHER", Subjects: []string{"other.>"}}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	saved, err := backup.Save(ctx(t), nc, dir)
	if err != nil || len(saved) != 2 {
		t.Fatalf("saved %d streams, err %v; want the 2 CIM streams", len(saved), err)
	}

	_, fresh := natstest.Start(t)
	restored, err := backup.Load(ctx(t), fresh, dir)
	if err != nil || len(restored) != 2 {
		t.Fatalf("restored %d streams, err %v", len(restored), err)
	}
	js2, _ := jetstream.New(fresh)
	for _, stream := range []string{"CIM_COUNTER", "CIM_GRAPH"} {
		want, got := events(t, js, stream), events(t, js2, stream)
		if len(got) != len(want) {
			t.Fatalf("%s: %d events restored of %d", stream, len(got), len(want))
		}
		for i := range want {
			if got[i].Sequence != want[i].Sequence || got[i].Subject != want[i].Subject ||
				!bytes.Equal(got[i].Data, want[i].Data) || got[i].Header.Get("X-Event-Type") != "happened" {
				t.Fatalf("%s event %d differs after the restore", stream, i)
			}
		}
	}
	if _, err := backup.Load(ctx(t), fresh, dir); err == nil {
		t.Fatal("restored over existing streams without an error")
	}
}

func TestLoadFromADirectoryWithoutSnapshotsSaysSo(t *testing.T) {
	_, nc := natstest.Start(t)
	if _, err := backup.Load(ctx(t), nc, t.TempDir()); err == nil {
		t.Fatal("no error for an empty backup directory")
	}
}
