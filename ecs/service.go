package ecs

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// LocalService runs the graph aggregate in memory so the editor works
// without NATS: it decides each command with change.Decide, folds the
// events with change.Apply and hands them back through [Editor.Receive]
// (and so [ApplyEvent]), exactly as the bridge does with a remote service.
type LocalService struct {
	states map[string]*change.State
	log    []Reply
}

// NewLocalService starts a service holding copies of the given graphs.
func NewLocalService(graphs ...*graph.Graph) *LocalService {
	s := &LocalService{states: map[string]*change.State{}}
	for _, g := range graphs {
		s.states[g.ID] = &change.State{Graph: g.Clone()}
	}
	return s
}

// Graph returns a copy of a graph by ID; it is a [Source] for the editor.
func (s *LocalService) Graph(id string) (*graph.Graph, bool) {
	st, ok := s.states[id]
	if !ok || !st.Exists() {
		return nil, false
	}
	return st.Graph.Clone(), true
}

// Handle decides and applies one command and returns the reply.
func (s *LocalService) Handle(cmd change.Command) Reply {
	id := cmd.Target()
	r := Reply{Graph: id, Cmd: cmd}
	evs, err := change.Decide(s.states[id], cmd, s.known)
	if err != nil {
		r.Err = err
		return s.logged(r)
	}
	st, err := applyAll(s.states[id].Clone(), evs)
	if err != nil {
		r.Err = err
		return s.logged(r)
	}
	s.states[id], r.Events = st, evs
	return s.logged(r)
}

func (s *LocalService) logged(r Reply) Reply {
	s.log = append(s.log, r)
	return r
}

func (s *LocalService) known(id string) bool { return s.states[id].Exists() }

// Pump takes the editor's intents, handles them in order and feeds the
// replies back. It returns how many commands it handled.
func (s *LocalService) Pump(ed *Editor) int {
	cmds := ed.TakeIntents()
	for _, c := range cmds {
		ed.Receive(s.Handle(c))
	}
	return len(cmds)
}

// Log returns every reply so far (commands with their events or refusals).
func (s *LocalService) Log() []Reply { return s.log }
