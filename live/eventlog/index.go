package eventlog

// matches is the filtered index: ascending arrival numbers in a slice
// whose dropped front is reclaimed now and then, so pushing and dropping
// are amortised O(1) and it never holds more than the ring.
type matches struct {
	ns   []uint64
	head int // ns[:head] are dropped
}

func (m *matches) len() int        { return len(m.ns) - m.head }
func (m *matches) at(i int) uint64 { return m.ns[m.head+i] }
func (m *matches) push(n uint64)   { m.ns = append(m.ns, n) }
func (m *matches) reset()          { m.ns, m.head = m.ns[:0], 0 }

// retain keeps the arrival numbers keep accepts, in order.
func (m *matches) retain(keep func(n uint64) bool) {
	kept := m.ns[:0]
	for _, n := range m.ns[m.head:] {
		if keep(n) {
			kept = append(kept, n)
		}
	}
	m.ns, m.head = kept, 0
}

// dropBefore forgets arrival numbers below oldest.
func (m *matches) dropBefore(oldest uint64) {
	for m.head < len(m.ns) && m.ns[m.head] < oldest {
		m.head++
	}
	if m.head > 1024 && m.head > len(m.ns)/2 {
		m.ns = m.ns[:copy(m.ns, m.ns[m.head:])]
		m.head = 0
	}
}
