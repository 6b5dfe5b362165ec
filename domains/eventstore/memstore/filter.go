package memstore

import (
	"math/bits"
	"slices"

	"github.com/cimviz/cimviz/domains/eventstore"
)

// matcher remembers, per distinct subject, whether it matches one
// pattern, so each subject is matched once however many events it has.
type matcher struct {
	pattern string
	match   []bool // by subject index, for subjects seen so far
}

func (m *matcher) update(l *eventLog) {
	for i := len(m.match); i < len(l.subjects); i++ {
		m.match = append(m.match, eventstore.Match(m.pattern, l.subjects[i].name))
	}
}

// positions returns the positions in [from, end) whose subject matches, in
// order. With one matching subject that is a slice of its list; with a few
// sparse ones their lists are merged; otherwise the subject column is
// scanned (4 bytes per event).
func (l *eventLog) positions(m *matcher, from, end uint32) []uint32 {
	m.update(l)
	var lists [][]uint32
	total := 0
	for i, ok := range m.match {
		if ok {
			list := within(l.subjects[i].positions, from, end)
			if len(list) > 0 {
				lists = append(lists, list)
				total += len(list)
			}
		}
	}
	switch {
	case len(lists) == 0:
		return nil
	case len(lists) == 1:
		return lists[0]
	case total*bits.Len(uint(len(lists))) < int(end-from)/4:
		return merge(lists, total)
	}
	return l.scan(m.match, from, end, total)
}

// within cuts a sorted position list to [from, end).
func within(list []uint32, from, end uint32) []uint32 {
	lo, _ := slices.BinarySearch(list, from)
	hi, _ := slices.BinarySearch(list, end)
	return list[lo:hi]
}

func (l *eventLog) scan(match []bool, from, end uint32, total int) []uint32 {
	out := make([]uint32, 0, total)
	for i, subj := range l.subjectOf[from:end] {
		if match[subj] {
			out = append(out, from+uint32(i))
		}
	}
	return out
}

// merge merges sorted, disjoint lists with a binary min-heap on their heads.
func merge(lists [][]uint32, total int) []uint32 {
	out := make([]uint32, 0, total)
	h := lists
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(h, i)
	}
	for len(h) > 0 {
		out = append(out, h[0][0])
		if h[0] = h[0][1:]; len(h[0]) == 0 {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(h, 0)
	}
	return out
}

func down(h [][]uint32, i int) {
	for {
		small, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h[l][0] < h[small][0] {
			small = l
		}
		if r < len(h) && h[r][0] < h[small][0] {
			small = r
		}
		if small == i {
			return
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
}
