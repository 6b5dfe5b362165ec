package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/subject"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/wfmotion"
	"github.com/cimviz/cimviz/render"
)

// Motion tuning: how many workflow events wait for the game goroutine at
// most (more are dropped and counted), and how many one tick folds.
const (
	motionQueue   = 8192
	motionPerTick = 2048
)

// motionDumpEnv names a file the editor writes the workflow motion it saw
// to when it exits (for tests and bug reports).
const motionDumpEnv = "CIMVIZ_MOTION_DUMP"

// motionRecord is one workflow event on its way to the game goroutine,
// or a snapshot of an instance to adopt (see adopt.go).
type motionRecord struct {
	instance string
	version  uint64 // the event's place in its instance (0: not said)
	event    workflow.Event
	snapshot *workflow.Instance // an instance's state as the service answered
	wanted   bool               // ask the service for the instance's state
}

// motion shows running workflows on their graphs: it wraps the game's
// service, and on each Pump folds the workflow events that came in
// (live/wfmotion) and shows the open workflow's runtime state on its
// steps and the transitions taken as pulses along its edges.
type motion struct {
	render.Service
	sub     *nats.Subscription
	recs    chan motionRecord
	dropped atomic.Uint64
	m       *wfmotion.Motion
	runs    map[string]ecs.StepRun
	taken   []wfmotion.Transition
	shown   string   // the workflow whose state the world shows
	rev     uint64   // its revision when shown
	mark    ecs.Mark // how far the world's changes were followed
	past    bool     // the world shows the past (time travel): no motion on it
	stats   motionStats
	adoption
}

// motionStats is what the dump says.
type motionStats struct {
	Events  int                        `json:"events"`
	Pulses  int                        `json:"pulses"`
	Dropped uint64                     `json:"dropped"`
	Adopted int                        `json:"adopted"`  // instances taken in from the service's state
	MaxRuns map[string]wfmotion.Counts `json:"max_runs"` // per step of the shown workflows
	Shown   []string                   `json:"shown"`
}

// startMotion subscribes to every workflow instance event and puts the
// motion between the game and its service.
func startMotion(nc *nats.Conn, game *render.Game) (*motion, error) {
	mo := &motion{Service: game.Svc, recs: make(chan motionRecord, motionQueue), m: wfmotion.New(),
		runs: map[string]ecs.StepRun{}, stats: motionStats{MaxRuns: map[string]wfmotion.Counts{}},
		adoption: newAdoption(nc)}
	var err error
	mo.sub, err = nc.Subscribe(subject.Events(wfservice.InstanceDomain), mo.receive)
	if err != nil {
		return nil, fmt.Errorf("following workflow events: %w", err)
	}
	go mo.adoptRunning()
	game.Svc = mo
	return mo, nil
}

// receive decodes one event on the NATS goroutine; a full queue drops it
// rather than block NATS.
func (mo *motion) receive(msg *nats.Msg) {
	s, err := subject.Parse(msg.Subject)
	if err != nil || s.Kind != subject.KindEvent {
		return
	}
	e, err := workflow.DecodeEvent(s.Name, msg.Data)
	if err != nil {
		return
	}
	version, _ := strconv.ParseUint(msg.Header.Get(message.HeaderAggregateVersion), 10, 64)
	mo.queue(motionRecord{instance: s.AggregateID, version: version, event: e})
}

// queue hands a record to the game goroutine; a full queue drops it
// rather than block NATS.
func (mo *motion) queue(r motionRecord) {
	select {
	case mo.recs <- r:
	default:
		mo.dropped.Add(1)
	}
}

// stop unsubscribes and writes the dump when asked for one.
func (mo *motion) stop() error {
	err := mo.sub.Unsubscribe()
	mo.cancel()
	if path := os.Getenv(motionDumpEnv); path != "" {
		mo.stats.Dropped = mo.dropped.Load()
		data, _ := json.MarshalIndent(mo.stats, "", " ")
		err = errors.Join(err, os.WriteFile(path, data, 0o644))
	}
	return err
}

// Pump runs the wrapped service, then the motion.
func (mo *motion) Pump(ed *ecs.Editor) int {
	n := 0
	if mo.Service != nil {
		n = mo.Service.Pump(ed)
	}
	open := openGraphID(ed)
	past := inPast(mo.Service)
	if past != mo.past {
		mo.past, mo.rev = past, ^uint64(0) // show again: nothing, or the present
	}
	mo.fold(ed, open)
	mo.show(ed, open)
	return n
}

// inPast reports whether the service shows the world at an earlier point
// of the log (the live panels' time travel freezes the driver).
func inPast(svc render.Service) bool {
	f, ok := svc.(interface{ Frozen() bool })
	return ok && f.Frozen()
}

// fold takes the waiting events (at most motionPerTick) and pulses the
// transitions they took in the open workflow.
func (mo *motion) fold(ed *ecs.Editor, open string) {
	for range motionPerTick {
		select {
		case r := <-mo.recs:
			mo.take(ed, open, r)
		default:
			return
		}
	}
}

// take folds one record: an event of an instance followed, a snapshot, or
// an event of an instance not followed yet, which waits for its snapshot.
func (mo *motion) take(ed *ecs.Editor, open string, r motionRecord) {
	switch {
	case r.wanted:
		mo.want(r.instance)
	case r.snapshot != nil:
		mo.adopt(ed, open, r)
	case mo.waiting(r):
	default:
		mo.stats.Events++
		mo.taken = mo.m.Fold(mo.taken[:0], r.instance, r.event)
		mo.pulse(ed, open)
	}
}

func (mo *motion) pulse(ed *ecs.Editor, open string) {
	if mo.past {
		return // runs go on in the present; the canvas shows the past
	}
	for _, t := range mo.taken {
		if t.Workflow == open {
			ed.PulseEdge(t.Edge)
			mo.stats.Pulses++
		}
	}
}

// show pushes the open workflow's counts into the world when they, the
// open graph, or the world's entities (a reload) changed.
func (mo *motion) show(ed *ecs.Editor, open string) {
	rev := mo.m.Revision(open)
	_, next, reloaded := ed.Changes(mo.mark)
	mo.mark = next
	if open == mo.shown && rev == mo.rev && !reloaded {
		return
	}
	if open != mo.shown {
		mo.stats.Shown = append(mo.stats.Shown, open)
	}
	mo.shown, mo.rev = open, rev
	clear(mo.runs)
	if mo.past {
		ed.SetStepRuns(mo.runs) // today's counts do not belong on the past
		return
	}
	for step, c := range mo.m.Counts(open) {
		mo.runs[step] = ecs.StepRun(c)
		mo.stats.keepMax(step, c)
	}
	ed.SetStepRuns(mo.runs)
}

func (s *motionStats) keepMax(step string, c wfmotion.Counts) {
	m := s.MaxRuns[step]
	m.Running, m.Waiting, m.Failed = max(m.Running, c.Running), max(m.Waiting, c.Waiting), max(m.Failed, c.Failed)
	s.MaxRuns[step] = m
}

// openGraphID is the graph the editor shows ("" before one is open).
func openGraphID(ed *ecs.Editor) string {
	path := ed.Breadcrumbs()
	if len(path) == 0 {
		return ""
	}
	return path[len(path)-1].Graph
}

// Live and Connection forward to the wrapped service when it tells them
// (the bridge's driver does), so the game still waits for the world.
func (mo *motion) Live() bool {
	l, ok := mo.Service.(render.Live)
	return !ok || l.Live()
}

// Connection implements render.Live.
func (mo *motion) Connection() (string, bool) {
	if l, ok := mo.Service.(render.Live); ok {
		return l.Connection()
	}
	return "local", true
}

// seedWorkflows creates a graph for each workflow template that the graph
// domain does not have yet, with the workflow's name as its ID, so that a
// workflow run by `cimviz simulate <template>` has a graph the editor can
// open and show it running on.
func seedWorkflows(ctx context.Context, nc *nats.Conn) error {
	client := graphdomain.NewClient(nc)
	have, err := client.List(ctx, true)
	if err != nil {
		return fmt.Errorf("seeding workflows: %w", err)
	}
	exists := map[string]bool{}
	for _, s := range have {
		exists[s.ID] = true
	}
	for _, name := range workflow.Templates() {
		if exists[name] {
			continue
		}
		if err := seedWorkflow(ctx, client, name); err != nil {
			return err
		}
	}
	return nil
}

func seedWorkflow(ctx context.Context, client *graphdomain.Client, name string) error {
	g, err := workflow.Template(name)
	if err != nil {
		return err
	}
	g.Name += " workflow" // apart from the demo graphs in the browser
	cmds, err := change.PlanImport([]*graph.Graph{g}, change.ImportOptions{})
	if err != nil {
		return fmt.Errorf("workflow %s: %w", name, err)
	}
	for _, c := range cmds {
		_, err := client.Send(ctx, c)
		if errors.Is(err, service.ErrConflict) {
			return nil // another editor is seeding it at the same moment
		}
		if err != nil {
			return fmt.Errorf("seeding workflow %s: %w", name, err)
		}
	}
	return nil
}
