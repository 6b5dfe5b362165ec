package timeline

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

func drawEvent(t *rapid.T) change.Event {
	node := rapid.SampledFrom([]string{"n0", "n1", "n2"}).Draw(t, "node")
	switch rapid.IntRange(0, 6).Draw(t, "kind") {
	case 0:
		return change.GraphCreated{Graph: "g"}
	case 1:
		return change.NodeAdded{Node: graph.Node{ID: node, Label: node}}
	case 2:
		return change.NodeMoved{Node: node, Pos: graph.Point{X: rapid.Float64Range(-9, 9).Draw(t, "x")}}
	case 3:
		return change.EdgeAdded{Edge: graph.Edge{ID: "e" + node, From: node, To: "n0"}}
	case 4:
		return change.EdgesRemoved{Edges: []string{"e" + node}}
	case 5:
		return change.GraphRenamed{Name: node}
	}
	return change.NodeUpdated{Node: node, Label: "u"}
}

// fold is the oracle: plain Apply, one event at a time, no snapshots.
func fold(states map[string]*change.State, r Record) {
	if next, err := change.Apply(states[r.Graph], r.Event); err == nil || next != nil {
		states[r.Graph] = next
	}
}

func encode(t interface{ Fatal(...any) }, states map[string]*change.State) string {
	b, err := json.Marshal(states)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The state replayed to sequence N equals the live state as it was when
// the N-th event had just been folded in, wherever the cursor was before
// and however small K is.
func TestSeekEqualsLiveStateAtThatSequence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tl, err := New(nil, WithSnapshotEvery(rapid.IntRange(1, 8).Draw(t, "k")))
		if err != nil {
			t.Fatal(err)
		}
		live := map[string]*change.State{}
		at := map[uint64]string{0: encode(t, live)}
		seq := uint64(0)
		for range rapid.IntRange(0, 60).Draw(t, "events") {
			gap := uint64(rapid.IntRange(1, 3).Draw(t, "gap"))
			for s := seq + 1; s < seq+gap; s++ {
				at[s] = at[seq] // no event there: the state stays
			}
			seq += gap
			r := Record{Seq: seq, Graph: rapid.SampledFrom([]string{"a", "b"}).Draw(t, "graph"), Event: drawEvent(t)}
			if err := tl.Append(r); err != nil {
				t.Fatal(err)
			}
			fold(live, r)
			at[seq] = encode(t, live)
			if rapid.Bool().Draw(t, "wander") {
				tl.Seek(rapid.Uint64Range(0, seq).Draw(t, "away"))
			}
		}
		for range 10 {
			n := rapid.Uint64Range(0, seq).Draw(t, "n")
			got := encode(t, tl.Seek(n))
			if want := at[n]; got != want {
				t.Fatalf("seek %d:\n got %s\nwant %s", n, got, want)
			}
		}
	})
}

func records(n int) []Record {
	recs := []Record{{Seq: 1, Graph: "g", Event: change.GraphCreated{Graph: "g"}}}
	for i := 1; i < n; i++ {
		recs = append(recs, Record{Seq: uint64(i + 1), Graph: "g",
			Event: change.NodeAdded{Node: graph.Node{ID: fmt.Sprint("n", i)}}})
	}
	return recs
}

func nodes(states map[string]*change.State) int {
	if s := states["g"]; s.Exists() {
		return s.Graph.NodeCount()
	}
	return -1
}

func TestStepAndReturnToLive(t *testing.T) {
	tl, err := New(records(10), WithSnapshotEvery(3))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		move func() map[string]*change.State
		want int
	}{
		{func() map[string]*change.State { return tl.Seek(5) }, 4},
		{func() map[string]*change.State { return tl.Step(-1) }, 3},
		{func() map[string]*change.State { return tl.Step(1) }, 4},
		{func() map[string]*change.State { return tl.Step(-100) }, -1},
		{func() map[string]*change.State { return tl.Seek(1) }, 0},
		{func() map[string]*change.State { return tl.ReturnToLive() }, 9},
	}
	for i, s := range steps {
		if got := nodes(s.move()); got != s.want {
			t.Fatalf("move %d: %d nodes, want %d", i, got, s.want)
		}
	}
	if !tl.Live() || tl.Sequence() != 10 {
		t.Fatalf("live %v at %d", tl.Live(), tl.Sequence())
	}
}

func TestAppendMovesOnlyALiveCursor(t *testing.T) {
	recs := records(12)
	tl, _ := New(recs[:8], WithSnapshotEvery(3))
	tl.Seek(4)
	for _, r := range recs[8:10] {
		if err := tl.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if tl.Sequence() != 4 || tl.Live() {
		t.Fatalf("past cursor moved to %d", tl.Sequence())
	}
	tl.ReturnToLive()
	for _, r := range recs[10:] {
		_ = tl.Append(r)
	}
	if !tl.Live() || nodes(tl.States()) != 11 {
		t.Fatalf("live cursor at %d with %d nodes", tl.Sequence(), nodes(tl.States()))
	}
	if err := tl.Append(recs[0]); err == nil {
		t.Fatal("an old sequence was appended")
	}
}

func TestPlaybackTarget(t *testing.T) {
	start := time.Unix(1000, 0)
	var recs []Record
	for i, at := range []time.Duration{0, time.Second, 2 * time.Second, 10 * time.Second, 11 * time.Second} {
		recs = append(recs, Record{Seq: uint64(10 * (i + 1)), Graph: "g", Time: start.Add(at), Event: change.GraphRenamed{Name: "x"}})
	}
	tl, _ := New(recs)
	tests := []struct {
		from    uint64
		speed   float64
		elapsed time.Duration
		want    uint64
	}{
		{10, 1, 0, 10},
		{10, 1, 1500 * time.Millisecond, 20},
		{10, 1, 2 * time.Second, 30},
		{10, 10, time.Second, 40},              // 10 s of history in 1 s
		{10, 1000, 10 * time.Millisecond, 20},  // clamped to 100x: 1 s of history
		{10, 0.1, 1100 * time.Millisecond, 20}, // clamped to 1x
		{0, 1, 0, 10},                          // from the start: the first event is at its own time
		{30, 100, time.Hour, 50},               // never past the end
		{50, 1, time.Second, 50},               // at the end it stays
	}
	for _, tt := range tests {
		if got := tl.PlaybackTarget(tt.from, tt.speed, tt.elapsed); got != tt.want {
			t.Errorf("from %d at %vx after %v: %d, want %d", tt.from, tt.speed, tt.elapsed, got, tt.want)
		}
	}
}

func TestUntimedRecordsPlayAtANominalPace(t *testing.T) {
	tl, _ := New(records(30)) // no times: 10 a second at 1x
	tests := []struct {
		speed   float64
		elapsed time.Duration
		want    uint64
	}{
		{1, time.Second, 11},
		{2, time.Second, 21},
		{100, time.Second, 30},
	}
	for _, tt := range tests {
		if got := tl.PlaybackTarget(1, tt.speed, tt.elapsed); got != tt.want {
			t.Errorf("%vx after %v: %d, want %d", tt.speed, tt.elapsed, got, tt.want)
		}
	}
}
