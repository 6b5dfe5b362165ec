package spaceview

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
)

// requestTimeout bounds one command or query.
const requestTimeout = 10 * time.Second

// result is the answer to one job: the command's refusal, or the space
// read afterwards.
type result struct {
	cmd     *message.Command
	err     error
	space   *space.Space
	version uint64
}

// worker talks to the service off the game loop, one job at a time: a
// command then a fresh read of the space, or just the read.
type worker struct {
	back    Backend
	id      string
	jobs    chan *message.Command
	results chan result
	pending atomic.Int64
	once    sync.Once
}

func startWorker(back Backend, id string) *worker {
	w := &worker{back: back, id: id, jobs: make(chan *message.Command, 64), results: make(chan result, 64)}
	go w.run()
	return w
}

// queue adds a job (nil: only read the space).
func (w *worker) queue(cmd *message.Command) {
	w.pending.Add(1)
	w.jobs <- cmd
}

// busy says whether a job is queued or its answer not yet collected.
func (w *worker) busy() bool { return w.pending.Load() > 0 || len(w.results) > 0 }

func (w *worker) close() { w.once.Do(func() { close(w.jobs) }) }

func (w *worker) run() {
	for cmd := range w.jobs {
		r := w.do(cmd)
		w.results <- r
		w.pending.Add(-1)
	}
}

func (w *worker) do(cmd *message.Command) result {
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	defer cancel()
	r := result{cmd: cmd}
	if cmd != nil {
		if r.err = w.back.Send(ctx, *cmd); r.err != nil {
			return r
		}
	}
	r.space, r.version, r.err = w.back.Get(ctx, w.id)
	return r
}
