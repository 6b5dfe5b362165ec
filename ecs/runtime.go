package ecs

import arche "github.com/mlange-42/arche/ecs"

// StepRun is the runtime state of a workflow step (a node of the open
// graph): how many instances run at it, wait at it, or failed at it. It
// is presentation, never authoritative: the live view of a running
// workflow sets it from the workflow events it sees.
type StepRun struct{ Running, Waiting, Failed int }

// SetStepRuns shows runtime state on the open graph's nodes, by node ID;
// nodes missing from runs show none, unknown IDs are ignored. Only the
// nodes whose state changed are marked for redrawing, so calling it every
// tick with unchanged state costs a walk over runs and nothing else.
func (ed *Editor) SetStepRuns(runs map[string]StepRun) {
	s := ed.s
	changed := ed.staleRuns(runs)
	for id, r := range runs {
		e, ok := s.lookup.Nodes[id]
		if !ok || r == (StepRun{}) {
			continue
		}
		if old := s.m.run.Get(e); old == nil || *old != r {
			put(&ed.world, &s.m.run, e, r)
			changed = append(changed, e)
		}
	}
	if len(changed) > 0 {
		s.mark(changed...)
	}
}

// staleRuns removes the runtime state of nodes that runs no longer has
// (or has as zero) and returns those nodes.
func (ed *Editor) staleRuns(runs map[string]StepRun) []arche.Entity {
	m := ed.s.m
	var stale []arche.Entity
	q := ed.world.Query(arche.All(m.node.ID(), m.run.ID()))
	for q.Next() {
		if r, ok := runs[(*Node)(q.Get(m.node.ID())).ID]; !ok || r == (StepRun{}) {
			stale = append(stale, q.Entity())
		}
	}
	for _, e := range stale {
		ed.world.Remove(e, m.run.ID())
	}
	return stale
}

// StepRunOf returns the runtime state shown on a node (zero when none).
func (ed *Editor) StepRunOf(id string) StepRun {
	if e, ok := ed.s.lookup.Nodes[id]; ok {
		if r := ed.s.m.run.Get(e); r != nil {
			return *r
		}
	}
	return StepRun{}
}
