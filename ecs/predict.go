package ecs

import "github.com/cimviz/cimviz/graph/change"

// Commands in flight (sent, not yet answered) are predicted on top of the
// confirmed state, so a second action issued before the first is answered
// computes its inverse from the state it will really meet.

// predicted returns the confirmed state with the in-flight commands
// applied. It is rebuilt lazily after any reply or event, and costs
// nothing while nothing is in flight.
func (s *store) predicted(known change.Known) *change.State {
	if len(s.inflight) == 0 {
		return s.doc
	}
	if s.pred != nil {
		return s.pred
	}
	st := s.doc.Clone()
	for _, c := range s.inflight {
		if c.Target() != st.Graph.ID {
			continue // sent from a graph navigated away from
		}
		if evs, err := change.Decide(st, c, known); err == nil {
			st, _ = applyAll(st, evs)
		}
	}
	s.pred = st
	return st
}

// plan plans commands on the predicted state: in place when that is this
// store's own prediction (commands in flight), else without changing the
// confirmed state. A failed plan may have changed the prediction part way,
// so it is dropped (rebuilt when next needed).
func (s *store) plan(label string, cmds []change.Command, known change.Known) (Step, *change.State, error) {
	base := s.predicted(known)
	step, after, err := plan(base, label, cmds, known, base != s.doc)
	if err != nil {
		s.pred = nil
	}
	return step, after, err
}

// sent records commands as in flight; after holds their predicted result
// when known (nil to rebuild it).
func (s *store) sent(cmds []change.Command, after *change.State) {
	s.inflight = append(s.inflight, cmds...)
	s.pred = after
}

// answered drops the oldest in-flight command (services answer in order).
func (s *store) answered() {
	if len(s.inflight) > 0 {
		s.inflight = s.inflight[1:]
	}
	s.pred = nil
}
