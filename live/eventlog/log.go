package eventlog

import (
	"sort"
	"sync"
)

// Option changes a log's settings.
type Option func(*Log)

// WithCapacity sets the entry cap (values below 1 mean 1).
func WithCapacity(n int) Option { return func(l *Log) { l.capacity = max(n, 1) } }

// WithMaxBody sets the body cap in bytes (negative means 0).
func WithMaxBody(n int) Option { return func(l *Log) { l.limits.MaxBody = max(n, 0) } }

// Log is a bounded, filtered, pausable event log. Entries are numbered
// by arrival (0, 1, ...); the ring keeps the newest capacity of them.
type Log struct {
	mu       sync.RWMutex
	ring     []Entry // grows to capacity, then wraps
	capacity int
	limits   Limits
	total    uint64 // entries ever pushed; entry n lives in ring[n%cap]
	filter   compiled
	index    matches // arrival numbers of retained entries passing filter
	paused   bool
	frozen   uint64 // total when paused: the view shows entries before it
}

// New returns an empty log.
func New(opts ...Option) *Log {
	l := &Log{capacity: DefaultCapacity, limits: Limits{MaxBody: DefaultMaxBody}}
	for _, o := range opts {
		o(l)
	}
	return l
}

// Capacity is the entry cap.
func (l *Log) Capacity() int { return l.capacity }

// Limits returns the per-entry caps.
func (l *Log) Limits() Limits { return l.limits }

// Push adds an owned, bounded copy of e, dropping the oldest entry when
// the log is full.
func (l *Log) Push(e Entry) {
	e = l.limits.bounded(e)
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.total
	if len(l.ring) < l.capacity {
		l.ring = append(l.ring, e)
	} else {
		*l.at(n) = e
	}
	l.total++
	l.index.dropBefore(l.oldest())
	if l.filter.match(&e) {
		l.index.push(n)
	}
}

// Total is the number of entries ever pushed.
func (l *Log) Total() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.total
}

// oldest is the arrival number of the oldest retained entry.
func (l *Log) oldest() uint64 {
	return l.total - min(l.total, uint64(l.capacity))
}

// SetFilter replaces the filter and re-filters the retained entries. A
// filter that does not validate is refused (the old one stays) with an
// error wrapping ErrBadFilter.
func (l *Log) SetFilter(f Filter) error {
	c, err := f.compile()
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	narrower := f.Narrows(l.filter.f)
	l.filter = c
	if narrower {
		l.index.retain(func(n uint64) bool { return c.match(l.at(n)) })
		return nil
	}
	l.index.reset()
	for n := l.oldest(); n < l.total; n++ {
		if c.match(l.at(n)) {
			l.index.push(n)
		}
	}
	return nil
}

// Filter returns the current filter.
func (l *Log) Filter() Filter {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.filter.f
}

func (l *Log) at(n uint64) *Entry { return &l.ring[n%uint64(l.capacity)] }

// Pause freezes the view: entries pushed from now on are kept and
// counted by Pending, but Len and Row do not show them until Resume.
// Entries the ring drops while paused do leave the view.
func (l *Log) Pause() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.paused {
		l.paused, l.frozen = true, l.total
	}
}

// Resume shows everything again.
func (l *Log) Resume() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.paused = false
}

// Paused reports whether the view is frozen.
func (l *Log) Paused() bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.paused
}

// Pending is how many entries arrived since Pause (0 when not paused),
// whether or not they pass the filter.
func (l *Log) Pending() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if !l.paused {
		return 0
	}
	return l.total - l.frozen
}

// Len is the number of rows in the view: retained entries that pass the
// filter (and arrived before Pause, while paused).
func (l *Log) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.viewLen()
}

func (l *Log) viewLen() int {
	if !l.paused {
		return l.index.len()
	}
	return sort.Search(l.index.len(), func(i int) bool { return l.index.at(i) >= l.frozen })
}

// Row returns row i of the view, newest first (row 0 is the newest), and
// false when i is out of range. The entry is a copy whose Headers and
// Body must not be changed.
func (l *Log) Row(i int) (Entry, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	n := l.viewLen()
	if i < 0 || i >= n {
		return Entry{}, false
	}
	return *l.at(l.index.at(n - 1 - i)), true
}

// Rows calls fn for rows i..j-1 of the view (clamped to it), newest first,
// under one lock: what a panel drawing a window of the log needs.
func (l *Log) Rows(i, j int, fn func(row int, e *Entry)) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	n := l.viewLen()
	for r := max(i, 0); r < min(j, n); r++ {
		fn(r, l.at(l.index.at(n-1-r)))
	}
}

// Collect returns copies of the retained entries (in arrival order) that
// keep accepts, whatever the view shows: e.g. one correlation's messages
// for a causation tree.
func (l *Log) Collect(keep func(*Entry) bool) []Entry {
	l.mu.RLock()
	defer l.mu.RUnlock()
	var out []Entry
	for n := l.oldest(); n < l.total; n++ {
		if e := l.at(n); keep(e) {
			out = append(out, *e)
		}
	}
	return out
}
