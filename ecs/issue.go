package ecs

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/graph/change"
)

// counterIDs makes IDs "<prefix>-<session>-<n>": a random session tag
// keeps two editors on one graph from choosing the same ID.
func counterIDs() func(prefix string) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	tag, n := hex.EncodeToString(b[:]), 0
	return func(prefix string) string {
		n++
		return prefix + "-" + tag + "-" + strconv.Itoa(n)
	}
}

// issue plans a user action, records it for undo and sends it. A command
// the local prediction refuses is not sent; the status bar says why.
func (ed *Editor) issue(label string, cmds ...change.Command) bool {
	if len(cmds) == 0 {
		return false
	}
	step, after, err := ed.s.plan(label, cmds, ed.known)
	if err != nil {
		ed.s.setStatus(err.Error(), true)
		return false
	}
	ed.hist.record(step)
	ed.send(step, after)
	return true
}

// send puts a step's commands in the outbox and marks them in flight;
// after is the predicted state once they apply, nil if unknown.
func (ed *Editor) send(step Step, after *change.State) {
	ed.outbox.Commands = append(ed.outbox.Commands, step.Commands...)
	ed.s.sent(step.Commands, after)
	ed.s.status.Pending += len(step.Commands)
	ed.s.setStatus(step.Label, false)
}

// undo sends the inverse of this client's last step.
func (ed *Editor) undo() {
	step, err := ed.hist.popUndo(ed.s.lookup.Graph)
	if err != nil {
		ed.s.setStatus(err.Error(), false)
		return
	}
	inv := Step{Label: "undo " + step.Label, Commands: step.undoCommands()}
	ed.hist.Log = append(ed.hist.Log, inv)
	ed.send(inv, nil)
}

// redo sends again the last step undone, its inverses recomputed.
func (ed *Editor) redo() {
	step, err := ed.hist.popRedo(ed.s.lookup.Graph)
	if err != nil {
		ed.s.setStatus(err.Error(), false)
		return
	}
	fresh, after, err := ed.s.plan(step.Label, step.Commands, ed.known)
	if err == nil {
		ed.hist.Undo[len(ed.hist.Undo)-1] = fresh // popRedo pushed it last
		step = fresh
	}
	redo := Step{Label: "redo " + step.Label, Commands: step.Commands, Inverses: step.Inverses}
	ed.hist.Log = append(ed.hist.Log, redo)
	ed.send(redo, after)
}

// known tells the local prediction which graphs exist: the open one, those
// on the navigation path and any the source can find.
func (ed *Editor) known(id string) bool {
	for _, c := range ed.s.ui.Path {
		if c.Graph == id {
			return true
		}
	}
	if ed.cfg.source == nil {
		return false
	}
	_, ok := ed.cfg.source(id)
	return ok
}

// Reply is a domain service's answer to one command: the events it
// appended, or why it refused.
type Reply struct {
	Graph  string
	Cmd    change.Command
	Events []change.Event
	Err    error
}

// Receive applies a reply: events go through [ApplyEvent]; a refusal
// snaps optimistic positions back and shows the reason.
func (ed *Editor) Receive(r Reply) {
	ed.s.status.Pending = max(0, ed.s.status.Pending-1)
	ed.s.answered()
	if r.Err != nil {
		ed.refused(r)
		return
	}
	for _, ev := range r.Events {
		if err := ApplyEvent(&ed.world, r.Graph, ev); err != nil {
			ed.s.setStatus(err.Error(), true)
		}
	}
}

// refused snaps back what the command showed early and says why.
func (ed *Editor) refused(r Reply) {
	what := "command"
	if r.Cmd != nil {
		ed.s.rollback(r.Cmd)
		what = r.Cmd.CommandType()
	}
	ed.s.setStatus(fmt.Sprintf("%s refused: %v", what, r.Err), true)
}
