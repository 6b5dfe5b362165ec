package timeline

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/cimviz/cimviz/graph/change"
)

// ErrOutOfOrder: a record's sequence is not above the previous one's.
var ErrOutOfOrder = errors.New("record out of order")

// DefaultSnapshotEvery is K, the events between snapshots, unless set.
const DefaultSnapshotEvery = 10_000

// Option changes a timeline's settings.
type Option func(*Timeline)

// WithSnapshotEvery sets K (values below 1 mean 1): a seek replays at
// most K events, and snapshots cost memory every K events.
func WithSnapshotEvery(k int) Option { return func(t *Timeline) { t.every = max(k, 1) } }

// Timeline is a replayable graph-domain history with a cursor.
type Timeline struct {
	recs   []Record
	latest []time.Time // running maximum of record times, for playback
	every  int
	snaps  []snapshot // snaps[i].pos == i*every
	cur    *cursor
}

// New builds a timeline over records (ascending sequences), with its
// cursor at the end (live).
func New(records []Record, opts ...Option) (*Timeline, error) {
	t := &Timeline{every: DefaultSnapshotEvery}
	for _, o := range opts {
		o(t)
	}
	empty := snapshot{states: map[string]*change.State{}}
	t.snaps = []snapshot{empty}
	t.cur = empty.cursor()
	t.recs = make([]Record, 0, len(records))
	t.latest = make([]time.Time, 0, len(records))
	for _, r := range records {
		if err := t.Append(r); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Append adds a newer record. A live cursor moves along with it; a
// cursor in the past stays where it is.
func (t *Timeline) Append(r Record) error {
	if n := len(t.recs); n > 0 && r.Seq <= t.recs[n-1].Seq {
		return fmt.Errorf("%w: sequence %d after %d", ErrOutOfOrder, r.Seq, t.recs[n-1].Seq)
	}
	live := t.Live()
	t.recs = append(t.recs, r)
	t.latest = append(t.latest, laterOf(t.latest, r.Time))
	if live {
		t.cur.apply(r)
	}
	if len(t.recs)%t.every == 0 {
		t.snaps = append(t.snaps, t.headCursor(live).freeze())
	}
	return nil
}

// laterOf is the playback time of a record recorded at: never before the
// previous record's, and UntimedPace after it when the record has no time
// (e.g. one that came through bridge.Delivery, which carries none).
func laterOf(latest []time.Time, at time.Time) time.Time {
	n := len(latest)
	switch {
	case n == 0:
		return at
	case at.IsZero():
		return latest[n-1].Add(UntimedPace)
	case latest[n-1].After(at):
		return latest[n-1]
	}
	return at
}

// headCursor is a cursor at the newest record: the live cursor itself,
// or one replayed from the last snapshot (at most K records back).
func (t *Timeline) headCursor(live bool) *cursor {
	if live {
		return t.cur
	}
	c := t.snaps[len(t.snaps)-1].cursor()
	t.replay(c, len(t.recs))
	return c
}

func (t *Timeline) replay(c *cursor, to int) {
	for c.pos < to {
		c.apply(t.recs[c.pos])
	}
}

// Len is the number of records.
func (t *Timeline) Len() int { return len(t.recs) }

// Position is how many records the cursor has applied.
func (t *Timeline) Position() int { return t.cur.pos }

// Live reports whether the cursor is at the newest record.
func (t *Timeline) Live() bool { return t.cur.pos == len(t.recs) }

// Bad is how many of the applied records did not fit their graph.
func (t *Timeline) Bad() int { return t.cur.bad }

// Sequence is the store sequence of the last applied record (0 before
// the first).
func (t *Timeline) Sequence() uint64 { return t.seqAt(t.cur.pos) }

// LastSequence is the sequence of the newest record (0 if none).
func (t *Timeline) LastSequence() uint64 { return t.seqAt(len(t.recs)) }

// seqAt is the sequence reached after the first pos records.
func (t *Timeline) seqAt(pos int) uint64 {
	if pos == 0 {
		return 0
	}
	return t.recs[pos-1].Seq
}

// States returns the state of every graph at the cursor, read-only and
// valid until the cursor next moves. Graphs not yet created are absent.
func (t *Timeline) States() map[string]*change.State { return t.cur.states }

// Seek moves the cursor to just after the last record with sequence <=
// seq and returns the states there.
func (t *Timeline) Seek(seq uint64) map[string]*change.State {
	return t.SeekPosition(sort.Search(len(t.recs), func(i int) bool { return t.recs[i].Seq > seq }))
}

// SeekPosition moves the cursor to after the first pos records (clamped
// to 0..Len) and returns the states there.
func (t *Timeline) SeekPosition(pos int) map[string]*change.State {
	pos = max(0, min(pos, len(t.recs)))
	if pos < t.cur.pos || pos-t.cur.pos > t.every {
		t.cur = t.snaps[pos/t.every].cursor()
	}
	t.replay(t.cur, pos)
	return t.cur.states
}

// Step moves the cursor n records forward (n < 0: back), clamped.
func (t *Timeline) Step(n int) map[string]*change.State { return t.SeekPosition(t.cur.pos + n) }

// ReturnToLive moves the cursor to the newest record.
func (t *Timeline) ReturnToLive() map[string]*change.State { return t.SeekPosition(len(t.recs)) }

// Snapshots is how many snapshots the timeline holds (one every K
// records, and the empty one at the start).
func (t *Timeline) Snapshots() int { return len(t.snaps) }
