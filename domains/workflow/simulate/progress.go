package simulate

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/cimviz/cimviz/domains/workflow"
)

// Summary counts what happened to the simulated instances (children of
// subworkflows included in Events only).
type Summary struct {
	Started   int
	Completed int
	Failed    int
	Cancelled int
	Events    int
	Elapsed   time.Duration
}

// Ended is how many started instances reached a terminal state.
func (s Summary) Ended() int { return s.Completed + s.Failed + s.Cancelled }

func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Events) / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("%6.1fs started %d running %d completed %d failed %d cancelled %d | events %d (%.0f/s)",
		s.Elapsed.Seconds(), s.Started, s.Started-s.Ended(), s.Completed, s.Failed, s.Cancelled, s.Events, rate)
}

// tally is the live Summary, fed from event callbacks.
type tally struct {
	mu    sync.Mutex
	s     Summary
	roots map[string]bool
	start time.Time
	done  chan struct{}
	want  int
}

func newTally(want int) *tally {
	return &tally{roots: map[string]bool{}, start: time.Now(), done: make(chan struct{}), want: want}
}

func (t *tally) started(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.roots[id] = true
	t.s.Started++
}

// event counts an event; a root instance's end counts toward done.
func (t *tally) event(instance, typ string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.s.Events++
	if !t.roots[instance] {
		return
	}
	switch typ {
	case workflow.EvtCompleted:
		t.s.Completed++
	case workflow.EvtFailed:
		t.s.Failed++
	case workflow.EvtCancelled:
		t.s.Cancelled++
	default:
		return
	}
	if t.s.Ended() == t.want {
		close(t.done)
	}
}

func (t *tally) snapshot() Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.s
	s.Elapsed = time.Since(t.start)
	return s
}

func (t *tally) report(w io.Writer, every time.Duration, stop <-chan struct{}) {
	if every <= 0 || w == nil {
		return
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			fmt.Fprintln(w, t.snapshot())
		}
	}
}

// syncWriter serialises writes: progress, the final line and errors come
// from different goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func lockedWriter(w io.Writer) io.Writer {
	if w == nil {
		return nil
	}
	return &syncWriter{w: w}
}
