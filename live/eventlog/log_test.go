package eventlog

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func push(l *Log, n int, subj func(i int) string) {
	for i := 0; i < n; i++ {
		l.Push(entry(subj(i), "t", fmt.Sprint(i)))
	}
}

func rows(l *Log) []string {
	var out []string
	l.Rows(0, l.Len(), func(_ int, e *Entry) { out = append(out, string(e.Body)) })
	return out
}

func TestNewestFirstAndOldestDropped(t *testing.T) {
	l := New(WithCapacity(3))
	push(l, 5, func(int) string { return "cim.a.evt.x.y" })
	if got := strings.Join(rows(l), ","); got != "4,3,2" {
		t.Fatalf("rows %s, want 4,3,2", got)
	}
	if e, ok := l.Row(0); !ok || string(e.Body) != "4" {
		t.Fatalf("row 0 = %q %v", e.Body, ok)
	}
	if _, ok := l.Row(3); ok {
		t.Fatal("row past the end exists")
	}
}

func TestFilterChangeRefiltersRetainedEntries(t *testing.T) {
	l := New(WithCapacity(4))
	push(l, 6, func(i int) string { return fmt.Sprintf("cim.d%d.evt.x.y", i%2) })
	if err := l.SetFilter(Filter{Subject: "cim.d1.>"}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows(l), ","); got != "5,3" {
		t.Fatalf("rows %s, want 5,3", got)
	}
	if err := l.SetFilter(Filter{Subject: "cim.>.x"}); err == nil || l.Filter().Subject != "cim.d1.>" {
		t.Fatalf("bad filter taken: %v, filter %+v", err, l.Filter())
	}
}

func TestPauseFreezesViewAndCountsPending(t *testing.T) {
	l := New(WithCapacity(10))
	push(l, 3, func(int) string { return "cim.a.evt.x.y" })
	l.Pause()
	push(l, 4, func(int) string { return "cim.a.evt.x.y" })
	if l.Len() != 3 || l.Pending() != 4 {
		t.Fatalf("paused: len %d pending %d, want 3 and 4", l.Len(), l.Pending())
	}
	if e, _ := l.Row(0); string(e.Body) != "2" {
		t.Fatalf("paused row 0 = %s, want the newest before pause", e.Body)
	}
	l.Resume()
	if l.Len() != 7 || l.Pending() != 0 {
		t.Fatalf("resumed: len %d pending %d", l.Len(), l.Pending())
	}
}

func TestTruncationIsFlagged(t *testing.T) {
	l := New(WithMaxBody(4))
	body := []byte("0123456789")
	l.Push(Entry{Subject: "cim.a.evt.x.y", Body: body})
	l.Push(Entry{Subject: "cim.a.evt.x.y", Body: []byte("ok")})
	long, _ := l.Row(1)
	short, _ := l.Row(0)
	if string(long.Body) != "0123" || !long.Truncated || short.Truncated {
		t.Fatalf("long %q %v, short %v", long.Body, long.Truncated, short.Truncated)
	}
	body[0] = 'X'
	if again, _ := l.Row(1); again.Body[0] != '0' {
		t.Fatal("the log shares memory with the pushed body")
	}
}

// The incrementally kept view equals filtering the newest entries afresh,
// whatever the pushes, filter changes and pauses.
func TestViewEqualsFreshFilter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		capacity := rapid.IntRange(1, 20).Draw(t, "cap")
		l := New(WithCapacity(capacity))
		var all []Entry
		var frozen = -1
		pattern := rapid.SampledFrom([]string{"", "cim.>", "cim.*.evt.>", "cim.a.evt.*.y", "cim.b.>"})
		// texts that continue each other, so that some filter changes
		// narrow the last one (and are re-filtered from its matches)
		text := rapid.SampledFrom([]string{"", "1", "12", "2", "evt"})
		for step := range rapid.IntRange(0, 80).Draw(t, "steps") {
			switch rapid.IntRange(0, 9).Draw(t, "op") {
			case 0:
				if err := l.SetFilter(Filter{Subject: pattern.Draw(t, "pattern"), Text: text.Draw(t, "text")}); err != nil {
					t.Fatal(err)
				}
			case 1:
				if frozen < 0 {
					l.Pause()
					frozen = len(all)
				}
			case 2:
				l.Resume()
				frozen = -1
			default:
				e := entry(rapid.SampledFrom([]string{"cim.a.evt.x.y", "cim.b.cmd.z", "cim.a.evt.q.y"}).Draw(t, "s"), "t", fmt.Sprint(step))
				all = append(all, e)
				l.Push(e)
			}
			checkView(t, l, all, frozen)
		}
	})
}

func checkView(t *rapid.T, l *Log, all []Entry, frozen int) {
	var want []string
	f := l.Filter()
	for n := len(all) - 1; n >= max(0, len(all)-l.Capacity()); n-- {
		if (frozen < 0 || n < frozen) && f.Match(&all[n]) {
			want = append(want, string(all[n].Body))
		}
	}
	if got := rows(l); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("view %v, want %v", got, want)
	}
}

// A NATS callback pushes while the game loop reads windows of rows.
func TestPushWhileReading(t *testing.T) {
	l := New(WithCapacity(100))
	done := make(chan struct{})
	go func() {
		defer close(done)
		push(l, 5000, func(i int) string { return fmt.Sprintf("cim.d%d.evt.x.y", i%3) })
	}()
	for reading := true; reading; {
		select {
		case <-done:
			reading = false
		default:
			l.Rows(0, 20, func(_ int, e *Entry) { _ = e.Subject })
			_ = l.SetFilter(Filter{Subject: "cim.d1.>"})
		}
	}
	if l.Total() != 5000 || l.Len() > 100 {
		t.Fatalf("total %d len %d", l.Total(), l.Len())
	}
}
