package main

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/ecs"
)

// Adoption: an editor opened while workflows run sees events of instances
// whose start it never saw. It asks the workflow service for such an
// instance's state once, holds the instance's events while the answer is
// on its way, then adopts the state and folds the held events that are
// newer than it. At start it does the same for the instances running or
// paused, so runs that are quiet (an approval waiting) show too.
const (
	adoptMax     = 1024            // instances waiting for their state at once; more are left alone
	adoptAsks    = 16              // state queries in flight at once
	adoptTimeout = 5 * time.Second // one state query
	adoptAtStart = 1000            // running instances adopted when the editor opens
	adoptHeldMax = 256             // events held for one instance
)

// adoption is the motion's part that takes in instances it did not see
// start. Its maps belong to the game goroutine; queries run on their own.
type adoption struct {
	client  *wfservice.Client
	ctx     context.Context
	cancel  context.CancelFunc
	asks    chan struct{}
	held    map[string][]motionRecord // instance -> its events since its state was asked for
	skipped map[string]bool           // instances the service could not tell about
}

func newAdoption(nc *nats.Conn) adoption {
	ctx, cancel := context.WithCancel(context.Background())
	return adoption{client: wfservice.NewClient(nc), ctx: ctx, cancel: cancel, asks: make(chan struct{}, adoptAsks),
		held: map[string][]motionRecord{}, skipped: map[string]bool{}}
}

// adoptRunning asks, once, for the state of the instances running or
// paused when the editor opened.
func (mo *motion) adoptRunning() {
	n := 0
	for _, st := range []workflow.State{workflow.Running, workflow.Paused} {
		ctx, cancel := context.WithTimeout(mo.ctx, adoptTimeout)
		list, err := mo.client.List(ctx, "", st)
		cancel()
		if err != nil {
			return // no workflow service (yet): instances are adopted as their events come
		}
		for _, s := range list {
			if n++; n > adoptAtStart {
				return
			}
			mo.queue(motionRecord{instance: s.ID, wanted: true})
		}
	}
}

// waiting holds an event of an instance not followed, and asks for the
// instance's state the first time; it reports whether it held the event.
func (mo *motion) waiting(r motionRecord) bool {
	id := r.instance
	if held, asked := mo.held[id]; asked {
		if len(held) < adoptHeldMax {
			mo.held[id] = append(held, r)
		}
		return true
	}
	if mo.m.Follows(id) || starts(r.event.Type) || mo.skipped[id] || len(mo.held) >= adoptMax {
		return false
	}
	mo.want(id)
	mo.held[id] = append(mo.held[id], r)
	return true
}

// skip leaves an instance alone from now on (a bounded memory: a long
// session forgets the oldest decisions wholesale).
func (mo *motion) skip(id string) {
	if len(mo.skipped) >= 4*adoptMax {
		clear(mo.skipped)
	}
	mo.skipped[id] = true
}

func starts(typ string) bool {
	return typ == workflow.EvtInstanceStarted || typ == workflow.EvtInstanceCreated
}

// want asks for an instance's state unless it is followed or asked for.
func (mo *motion) want(id string) {
	if _, asked := mo.held[id]; asked || mo.m.Follows(id) || len(mo.held) >= adoptMax {
		return
	}
	mo.held[id] = nil
	go mo.ask(id)
}

// ask queries one instance's state and queues the answer (a nil state when
// there is none to be had, which releases the held events).
func (mo *motion) ask(id string) {
	select {
	case mo.asks <- struct{}{}:
		defer func() { <-mo.asks }()
	case <-mo.ctx.Done():
		return
	}
	ctx, cancel := context.WithTimeout(mo.ctx, adoptTimeout)
	defer cancel()
	in, err := mo.client.Instance(ctx, id)
	if err != nil {
		in = &workflow.Instance{}
	}
	// waits for room rather than drop: a lost answer would hold the
	// instance's events for good
	select {
	case mo.recs <- motionRecord{instance: id, snapshot: in}:
	case <-mo.ctx.Done():
	}
}

// adopt takes in an instance's state, then folds its held events that
// came after it.
func (mo *motion) adopt(ed *ecs.Editor, open string, r motionRecord) {
	held := mo.held[r.instance]
	delete(mo.held, r.instance)
	mo.m.Adopt(r.instance, r.snapshot)
	if !mo.m.Follows(r.instance) {
		mo.skip(r.instance) // unknown to the service, or over: nothing to show
		return
	}
	mo.stats.Adopted++
	for _, h := range held {
		if h.version == 0 || h.version > r.snapshot.Events {
			mo.take(ed, open, h)
		}
	}
}
