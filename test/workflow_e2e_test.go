package test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/domains/workflow/worker"
	"github.com/cimviz/cimviz/graph"
)

// review: start -> prepare (automated) -> fork -> {scan (automated, 1
// retry), sign (approval)} -> join -> route (decision: score > 5 -> fast,
// default -> slow) -> end.
func wfReviewGraph(t *testing.T) *graph.Graph {
	g := graph.New("e2e-review", "fork, decision and join")
	nodes := []graph.Node{{ID: "start", Kind: "start"}, {ID: "prepare", Kind: "automated"}, {ID: "fork", Kind: "fork"},
		{ID: "scan", Kind: "automated", Props: map[string]string{"retries": "1"}}, {ID: "sign", Kind: "approval"},
		{ID: "join", Kind: "join"}, {ID: "route", Kind: "decision"}, {ID: "fast", Kind: "automated"},
		{ID: "slow", Kind: "manual"}, {ID: "end", Kind: "end"}}
	edges := [][3]string{{"start", "prepare"}, {"prepare", "fork"}, {"fork", "scan"}, {"fork", "sign"}, {"scan", "join"},
		{"sign", "join"}, {"join", "route"}, {"route", "fast", "score > 5"}, {"route", "slow", "default"}, {"fast", "end"}, {"slow", "end"}}
	for _, n := range nodes {
		if err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	for i, e := range edges {
		if err := g.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", i+1), From: e[0], To: e[1], Label: e[2]}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// wfCommandTap records the identity of every workflow command on the wire,
// as `nats sub 'cim.workflow.cmd.>'` would show it.
type wfCommandTap struct {
	mu  sync.Mutex
	ids map[uuid.UUID]message.Identity
}

func wfTap(t *testing.T, nc *nats.Conn) *wfCommandTap {
	tap := &wfCommandTap{ids: map[uuid.UUID]message.Identity{}}
	sub, err := nc.Subscribe("cim.workflow.cmd.>", func(m *nats.Msg) {
		if c, err := message.DecodeCommand("workflow", m.Header, m.Data); err == nil {
			tap.mu.Lock()
			tap.ids[c.MessageID] = c.Identity
			tap.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	return tap
}

func (tap *wfCommandTap) get(id uuid.UUID) (message.Identity, bool) {
	tap.mu.Lock()
	defer tap.mu.Unlock()
	c, ok := tap.ids[id]
	return c, ok
}

// wfApprover approves every approval step as it is requested, caused by
// the approval_requested event.
func wfApprover(t *testing.T, ctx context.Context, nc *nats.Conn, c *wfservice.Client) {
	sub, err := nc.Subscribe("cim.workflow.evt.*."+workflow.EvtApprovalRequested, func(m *nats.Msg) {
		e, err := message.DecodeEvent("workflow", m.Header, m.Data)
		if err != nil {
			return
		}
		ev, _ := workflow.DecodeEvent(e.Type, e.Payload)
		cmd := workflow.Approve{StepRef: workflow.StepRef{Instance: e.AggregateID, Step: ev.Step}, By: "e2e"}
		if _, err := c.Send(ctx, &e, cmd); err != nil {
			t.Errorf("approve %s: %v", ev.Step, err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
}

// wfScanFailsOnce: "scan" fails its first attempt; every step reports a
// score of 7.
func wfScanFailsOnce(_ context.Context, task worker.Task) (map[string]any, error) {
	if task.Step == "scan" && task.Attempt == 1 {
		return nil, errors.New("scanner busy")
	}
	return map[string]any{"score": 7, "by_" + task.Step: task.Attempt}, nil
}

func wfStart(t *testing.T) (*nats.Conn, *wfservice.Client, context.Context) {
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	svc, err := wfservice.Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return nc, wfservice.NewClient(nc), ctx
}

func wfRunWorkers(t *testing.T, ctx context.Context, nc *nats.Conn, do worker.Do) {
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 2 { // two workers share the queue
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := worker.Run(wctx, nc, do); err != nil {
				t.Error(err)
			}
		}()
	}
	t.Cleanup(func() { stop(); wg.Wait() })
}

func wfWaitEnd(t *testing.T, ctx context.Context, c *wfservice.Client, id string) *workflow.Instance {
	for {
		in, err := c.Instance(ctx, id)
		if err == nil && in.State.Terminal() {
			return in
		}
		select {
		case <-ctx.Done():
			t.Fatalf("instance %s did not end: %v %v", id, in, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func TestWorkflowForkDecisionJoinEndToEnd(t *testing.T) {
	nc, c, ctx := wfStart(t)
	tap := wfTap(t, nc)
	wfApprover(t, ctx, nc, c)
	wfRunWorkers(t, ctx, nc, wfScanFailsOnce)
	if err := c.EnsurePublished(ctx, wfReviewGraph(t)); err != nil {
		t.Fatal(err)
	}
	root, err := c.Start(ctx, "run-1", "e2e-review", map[string]any{"score": 0})
	if err != nil {
		t.Fatal(err)
	}
	in := wfWaitEnd(t, ctx, c, "run-1")
	if in.State != workflow.Completed {
		t.Fatalf("instance %s (%s), want Completed", in.State, in.Reason)
	}
	h, err := c.History(ctx, "run-1")
	if err != nil {
		t.Fatal(err)
	}
	wfCheckPath(t, h)
	wfCheckChain(t, h, root, tap)
}

// wfCheckPath: scan failed once and was retried, both branches reached
// the join, the decision took the fast branch, and the run completed.
func wfCheckPath(t *testing.T, h []wfservice.HistoryEntry) {
	var got []string
	for _, e := range h {
		ev, _ := workflow.DecodeEvent(e.Type, e.Event)
		got = append(got, strings.TrimSuffix(e.Type+":"+ev.Step, ":"))
	}
	trace := " " + strings.Join(got, " ") + " "
	for _, want := range []string{"step_failed:scan step_retried:scan step_started:scan", "approved:sign",
		"step_started:join step_completed:join step_started:route step_completed:route step_started:fast",
		"step_completed:end completed"} {
		if !strings.Contains(trace, " "+want+" ") {
			t.Errorf("history lacks %q:\n%s", want, trace)
		}
	}
	if strings.Count(trace, "branch_arrived:join") != 2 || strings.Contains(trace, "step_started:slow") {
		t.Errorf("want two arrivals at the join and no slow branch:\n%s", trace)
	}
}

// wfCheckChain: every event shares the start command's correlation ID and
// is caused by a command; that command is the start command or was caused
// by an earlier event of the run.
func wfCheckChain(t *testing.T, h []wfservice.HistoryEntry, root message.Identity, tap *wfCommandTap) {
	seen := map[string]bool{}
	for _, e := range h {
		if e.CorrelationID != root.CorrelationID.String() {
			t.Fatalf("event %d %s has correlation %s, want %s", e.Version, e.Type, e.CorrelationID, root.CorrelationID)
		}
		cause := uuid.MustParse(e.CausationID)
		if cause != root.MessageID {
			cmd, ok := tap.get(cause)
			if !ok || !seen[cmd.CausationID.String()] {
				t.Fatalf("event %d %s: cause %s is not a command caused by an earlier event", e.Version, e.Type, cause)
			}
		}
		seen[e.MessageID] = true
	}
}

func TestWorkflowRecursionEndToEnd(t *testing.T) {
	nc, c, ctx := wfStart(t)
	wfRunWorkers(t, ctx, nc, func(context.Context, worker.Task) (map[string]any, error) { return nil, nil })
	g, err := workflow.Template("recursive-countdown")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.EnsurePublished(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Start(ctx, "rec", g.ID, map[string]any{"n": 2}); err != nil {
		t.Fatal(err)
	}
	if in := wfWaitEnd(t, ctx, c, "rec"); in.State != workflow.Completed {
		t.Fatalf("root %s (%s), want Completed", in.State, in.Reason)
	}
	list, err := c.List(ctx, g.ID, workflow.Completed)
	if err != nil || len(list) != 3 {
		t.Fatalf("completed instances %v (%v), want the root and two children", list, err)
	}
}

// Cancelling a parent cancels the subworkflow instances under it, level
// by level.
func TestWorkflowCancelReachesChildren(t *testing.T) {
	_, c, ctx := wfStart(t) // no workers: the deepest child waits at its automated step
	g, err := workflow.Template("recursive-countdown")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.EnsurePublished(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Start(ctx, "top", g.ID, map[string]any{"n": 2}); err != nil {
		t.Fatal(err)
	}
	wfWaitCount(t, ctx, c, g.ID, workflow.Running, 3)
	if _, err := c.Send(ctx, nil, workflow.Cancel{Instance: "top", Reason: "enough"}); err != nil {
		t.Fatal(err)
	}
	wfWaitCount(t, ctx, c, g.ID, workflow.Cancelled, 3)
}

func wfWaitCount(t *testing.T, ctx context.Context, c *wfservice.Client, wf string, state workflow.State, n int) {
	for {
		list, err := c.List(ctx, wf, state)
		if err == nil && len(list) == n {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("want %d %s instances, have %v (%v)", n, state, list, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
