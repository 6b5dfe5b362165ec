package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/subject"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/domainview"
)

// viewRefetch is the least time between two fetches of one view: a burst
// of a domain's events costs one query.
const viewRefetch = 150 * time.Millisecond

// domainViews follows the domain read models shown as graphs (org chart,
// relationships, places): each domain's events mark its view stale, the
// view query is asked again off the game goroutine, and the answer
// replaces the graph on screen. A label edit of a view's node becomes the
// domain's own command; the new label shows once the service has decided
// and the view has been asked again. Everything but the subscriptions and
// the requests runs on the game goroutine.
type domainViews struct {
	nc      *nats.Conn
	actor   string
	views   map[string]*viewState
	order   []string
	results chan viewResult
	subs    []*nats.Subscription
}

type viewState struct {
	view    domainview.View
	stale   atomic.Bool
	busy    bool
	fetched time.Time
	fetches uint64 // fetches started so far
	graph   *graph.Graph
	// held are rename answers waiting for a fetch started after them, so
	// the label never flicks back to its old text.
	held []heldReply
}

type heldReply struct {
	reply ecs.Reply
	after uint64 // released by the answer of a fetch numbered above this
}

// viewResult is a finished fetch (graph or err) or a command's answer.
type viewResult struct {
	id    string
	fetch uint64
	graph *graph.Graph
	err   error
	reply *ecs.Reply
}

func startDomainViews(nc *nats.Conn, actor string, views []domainview.View) (*domainViews, error) {
	dv := &domainViews{nc: nc, actor: actor, views: map[string]*viewState{}, results: make(chan viewResult, 64)}
	for _, v := range views {
		st := &viewState{view: v, graph: v.Empty()}
		st.stale.Store(true)
		dv.views[v.ID], dv.order = st, append(dv.order, v.ID)
		for _, d := range v.Domains() {
			sub, err := nc.Subscribe(subject.Events(d), func(*nats.Msg) { st.stale.Store(true) })
			if err != nil {
				dv.stop()
				return nil, fmt.Errorf("following %s: %w", v.Name, err)
			}
			dv.subs = append(dv.subs, sub)
		}
	}
	return dv, nil
}

func (dv *domainViews) stop() {
	for _, s := range dv.subs {
		_ = s.Unsubscribe()
	}
}

// graphs are the views' graphs as they stand, for the graph browser.
func (dv *domainViews) graphs() []*graph.Graph {
	out := make([]*graph.Graph, 0, len(dv.order))
	for _, id := range dv.order {
		out = append(out, dv.views[id].graph)
	}
	return out
}

// source serves the views' graphs and defers every other ID to next.
func (dv *domainViews) source(next ecs.Source) ecs.Source {
	return func(id string) (*graph.Graph, bool) {
		if st, ok := dv.views[id]; ok {
			return st.graph.Clone(), true
		}
		return next(id)
	}
}

// refresh takes finished fetches and answers, shows the open view's new
// graph, and starts the fetches that are due.
func (dv *domainViews) refresh(ed *ecs.Editor, now time.Time) {
	for {
		select {
		case r := <-dv.results:
			dv.take(ed, r)
		default:
			dv.fetchDue(now)
			return
		}
	}
}

func (dv *domainViews) take(ed *ecs.Editor, r viewResult) {
	st := dv.views[r.id]
	if r.reply != nil {
		dv.answered(ed, st, *r.reply)
		return
	}
	st.busy = false
	if r.err != nil {
		st.stale.Store(true) // try again at the next due time; the graph stays as it was
		return
	}
	first := len(st.graph.Nodes) == 0
	st.graph = r.graph
	if openGraphID(ed) == r.id {
		ev := change.GraphImported{Graph: r.id, Name: r.graph.Name, Nodes: r.graph.Nodes, Edges: r.graph.Edges}
		if ecs.ApplyEvent(ed.World(), r.id, ev) == nil && first {
			ed.Run("view.fit_all") // the view opened before its first answer
		}
	}
	kept := st.held[:0]
	for _, h := range st.held {
		if r.fetch > h.after {
			ed.Receive(h.reply)
		} else {
			kept = append(kept, h)
		}
	}
	st.held = kept
}

// answered releases a refusal at once; an accepted rename waits for the
// view to show it.
func (dv *domainViews) answered(ed *ecs.Editor, st *viewState, r ecs.Reply) {
	if r.Err != nil {
		ed.Receive(r)
		return
	}
	st.held = append(st.held, heldReply{reply: r, after: st.fetches})
	st.stale.Store(true)
}

func (dv *domainViews) fetchDue(now time.Time) {
	for _, id := range dv.order {
		st := dv.views[id]
		if st.busy || now.Sub(st.fetched) < viewRefetch || !st.stale.Swap(false) {
			continue
		}
		st.busy, st.fetched = true, now
		st.fetches++
		go dv.fetch(st.view, st.fetches)
	}
}

func (dv *domainViews) fetch(v domainview.View, n uint64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	answers := make([][]byte, len(v.Asks))
	r := viewResult{id: v.ID, fetch: n}
	for i, a := range v.Asks {
		var answer json.RawMessage
		if r.err = service.NewClient(dv.nc, a.Domain).Query(ctx, a.Query, a.Aggregate, nil, &answer); r.err != nil {
			dv.results <- r
			return
		}
		answers[i] = answer
	}
	r.graph, r.err = v.Graph(answers...)
	dv.results <- r
}

// divert takes the editor's commands on a view's graph: a label edit
// becomes the domain's command; anything else is refused with the reason.
func (dv *domainViews) divert(ed *ecs.Editor, cmd change.Command) bool {
	st, ok := dv.views[cmd.Target()]
	if !ok {
		return false
	}
	dc, ok := dv.renameOf(st, cmd)
	if !ok {
		ed.Receive(ecs.Reply{Graph: st.view.ID, Cmd: cmd, Err: fmt.Errorf("%s is a view of the %s domains: only names can be edited here", st.view.Name, strings.Join(st.view.Domains(), " and "))})
		return true
	}
	go dv.send(st.view, cmd, dc)
	return true
}

// renameOf is the domain command of a label edit, when cmd is one.
func (dv *domainViews) renameOf(st *viewState, cmd change.Command) (domainview.Command, bool) {
	u, ok := cmd.(change.UpdateNode)
	if !ok || st.view.Rename == nil {
		return domainview.Command{}, false
	}
	if n, found := st.graph.Node(u.Node); !found || n.Label == u.Label || u.Label == "" {
		return domainview.Command{}, false
	}
	return st.view.Rename(u.Node, u.Label)
}

func (dv *domainViews) send(v domainview.View, cmd change.Command, dc domainview.Command) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	reply := ecs.Reply{Graph: v.ID, Cmd: cmd}
	payload, err := json.Marshal(dc.Payload)
	if err == nil {
		m := message.NewCommand(dc.Domain, dc.Type, dc.Aggregate, payload)
		_, err = service.NewClient(dv.nc, dc.Domain).Send(ctx, dv.withActor(m))
	}
	reply.Err = err
	dv.results <- viewResult{id: v.ID, reply: &reply}
}

// withActor names the editor's principal on the command (X-Actor), so the
// services record who did it.
func (dv *domainViews) withActor(cmd message.Command) message.Command {
	cmd.Actor = dv.actor
	return cmd
}

// defaultActor is $CIMVIZ_ACTOR, else "editor:" and the user's name.
func defaultActor() string {
	if a := os.Getenv("CIMVIZ_ACTOR"); a != "" {
		return a
	}
	if u := os.Getenv("USER"); u != "" {
		return "editor:" + u
	}
	return "editor"
}
