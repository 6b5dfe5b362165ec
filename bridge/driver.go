package bridge

import (
	"fmt"
	"math"
	"time"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph/change"
)

// graphCommand is the graph domain's envelope for a change command.
var graphCommand = graphdomain.Command

// Driver is the game-loop side of a bridge. It is used from the game
// goroutine only and implements render's Service.
type Driver struct {
	b    *Bridge
	proj *Projection
	open string
	live bool
	// MaxPerTick and Budget cap the events applied in one tick, so a flood
	// never stalls a frame (defaults 4096 events, 8 ms).
	MaxPerTick   int
	Budget       time.Duration
	lastDelivery time.Time
	// batch is what was last taken from the bridge; next is its first
	// delivery not yet applied.
	batch []Delivery
	next  int
	// held are answers waiting for their events: the editor hears its own
	// reply only once the world holds what the command did, in send order.
	held []reply
	// frozen: the world shows a past state (time travel); events still
	// fold into the projection, and the world is reloaded on thawing.
	frozen bool
	// OnLive, when set, runs once the log has been caught up and the world
	// built (the editor fits the view there).
	OnLive func(ed *ecs.Editor)
	// Observe, when set, sees every event folded in, in stream order, on
	// the game goroutine (the time-travel timeline follows it).
	Observe func(Delivery)
	// Divert, when set, sees every command before it is sent; a command
	// it takes (returns true) goes elsewhere (a domain view sends it to
	// its own domain) and is answered by whoever took it.
	Divert func(ed *ecs.Editor, cmd change.Command) bool
}

// quietToLive: if nothing arrives for this long, the log counts as caught
// up even when its last messages were skipped as malformed (the consumer
// never hands those over, so the catch-up sequence is never reached).
const quietToLive = time.Second

// NewDriver returns the game side of b; open is the graph to show first.
func NewDriver(b *Bridge, open string) *Driver {
	return &Driver{b: b, proj: NewProjection(), open: open, MaxPerTick: 4096, Budget: 8 * time.Millisecond, lastDelivery: time.Now()}
}

// Projection exposes every graph's state (the editor's Source reads it).
func (d *Driver) Projection() *Projection { return d.proj }

// Ready receives when a tick has work: events or answers arrived since
// the last tick, or the last one left events for the next. A loop with
// nothing to draw can wait on it instead of ticking idly.
func (d *Driver) Ready() <-chan struct{} { return d.b.in.ready }

// Live reports whether the world has been built and follows live events.
func (d *Driver) Live() bool { return d.live }

// Pump runs one tick: intents out, replies in, then a budget of events.
// It returns the number of commands queued.
func (d *Driver) Pump(ed *ecs.Editor) int {
	n := d.sendIntents(ed)
	d.takeReplies(ed)
	d.drainEvents(ed)
	d.release(ed)
	return n
}

func (d *Driver) sendIntents(ed *ecs.Editor) int {
	cmds := d.divert(ed, ed.TakeIntents())
	if len(cmds) == 0 {
		return 0
	}
	out, err := envelopes(cmds)
	if err != nil {
		for _, c := range cmds {
			ed.Receive(ecs.Reply{Graph: c.Target(), Cmd: c, Err: err})
		}
		return 0
	}
	for _, o := range out {
		if !d.b.enqueue(o) {
			ed.Receive(ecs.Reply{Graph: o.cmd.Target(), Cmd: o.cmd, Err: ErrQueueFull})
		}
	}
	return len(out)
}

// divert hands the commands Divert takes to it and keeps the rest, in order.
func (d *Driver) divert(ed *ecs.Editor, cmds []change.Command) []change.Command {
	if d.Divert == nil {
		return cmds
	}
	kept := cmds[:0]
	for _, c := range cmds {
		if !d.Divert(ed, c) {
			kept = append(kept, c)
		}
	}
	return kept
}

// takeReplies collects answers. An ack carries no events: they arrive on
// the stream like everyone else's, and the ack is held until they have.
func (d *Driver) takeReplies(ed *ecs.Editor) {
	for {
		select {
		case r := <-d.b.replies:
			d.held = append(d.held, r)
		default:
			d.release(ed)
			return
		}
	}
}

// release hands held answers to the editor, oldest first, as soon as the
// world has applied the events each one appended (a refusal has none).
// The editor's prediction of commands in flight stays exact: a command
// leaves "in flight" the moment its effect is in the confirmed state.
func (d *Driver) release(ed *ecs.Editor) {
	n := 0
	for _, r := range d.held {
		if r.err == nil && (!d.live || r.seq > d.proj.Sequence) {
			break
		}
		ed.Receive(ecs.Reply{Graph: r.cmd.Target(), Cmd: r.cmd, Err: r.err})
		n++
	}
	d.held = d.held[n:]
}

func (d *Driver) drainEvents(ed *ecs.Editor) {
	start := time.Now()
	limit := d.MaxPerTick
	if !d.live {
		// catching up folds into the projection only, no entity is touched:
		// the time budget alone bounds the tick
		limit = math.MaxInt
	}
	for n := 0; n < limit; n++ {
		if n&255 == 255 && time.Since(start) > d.Budget {
			break
		}
		if d.next == len(d.batch) && !d.refill() {
			d.maybeGoLive(ed)
			return
		}
		d.next++
		d.apply(ed, d.batch[d.next-1])
	}
	d.b.in.signal() // events are left for the next tick
}

// refill takes the deliveries waiting in the bridge; false when none are.
func (d *Driver) refill() bool {
	d.batch, d.next = d.b.in.take(d.batch), 0
	if len(d.batch) == 0 {
		return false
	}
	d.lastDelivery = time.Now()
	return true
}

func (d *Driver) apply(ed *ecs.Editor, dl Delivery) {
	if err := d.proj.Fold(dl.Graph, dl.Sequence, dl.Event); err != nil {
		d.b.cfg.Logger.Warn("bridge: skipped an event that does not fit", "err", err)
		return
	}
	if d.Observe != nil {
		d.Observe(dl)
	}
	if d.live && !d.frozen {
		if err := ecs.ApplyEvent(ed.World(), dl.Graph, dl.Event); err != nil {
			d.b.cfg.Logger.Warn("bridge: event does not fit the world", "err", err)
		}
		return
	}
	d.maybeGoLive(ed)
}

// maybeGoLive builds the world once the log is caught up.
func (d *Driver) maybeGoLive(ed *ecs.Editor) {
	if d.live || (d.proj.Sequence < d.b.catchUp && time.Since(d.lastDelivery) < quietToLive) {
		return
	}
	d.live = true
	if g, ok := d.proj.Graph(d.open); ok {
		ed.Load(g)
	} else if ids := d.proj.IDs(); len(ids) > 0 {
		g, _ := d.proj.Graph(ids[0])
		ed.Load(g)
	}
	if d.OnLive != nil {
		d.OnLive(ed)
	}
}

// Freeze stops applying events to the world, which then shows whatever
// the caller loaded (a past state); the projection keeps following.
func (d *Driver) Freeze() { d.frozen = true }

// Thaw returns the world to the present: the open graph is reloaded from
// the projection and events apply again.
func (d *Driver) Thaw(ed *ecs.Editor, open string) {
	if !d.frozen {
		return
	}
	d.frozen = false
	if g, ok := d.proj.Graph(open); ok {
		ed.Load(g)
	}
}

// Frozen reports whether the world shows the past.
func (d *Driver) Frozen() bool { return d.frozen }

// Connection describes the link for the status bar, e.g. "connected",
// "reconnecting · 3 queued", "loading 1200/5000".
func (d *Driver) Connection() (text string, online bool) {
	link := d.b.Link()
	text = link.String()
	if !d.live {
		text = fmt.Sprintf("loading %d/%d", d.proj.Sequence, d.b.catchUp)
	}
	if q := d.b.Queued(); q > 0 {
		text = fmt.Sprintf("%s · %d queued", text, q)
	}
	return text, link == Connected
}
