package worker_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/domains/workflow/worker"
	"github.com/cimviz/cimviz/graph"
)

// serveOneJob runs the workflow services on a fresh embedded server with
// the one-job workflow published; everything stops with the test.
func serveOneJob(t *testing.T) (context.Context, *nats.Conn, *wfservice.Client) {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	svc, err := wfservice.Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop() })
	c := wfservice.NewClient(nc)
	if err := c.EnsurePublished(ctx, oneJob(t)); err != nil {
		t.Fatal(err)
	}
	return ctx, nc, c
}

func oneJob(t *testing.T) *graph.Graph {
	g := graph.New("one-job", "")
	for _, n := range []graph.Node{{ID: "s", Kind: "start"}, {ID: "job", Kind: "automated"}, {ID: "e", Kind: "end"}} {
		if err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []graph.Edge{{ID: "1", From: "s", To: "job"}, {ID: "2", From: "job", To: "e"}} {
		if err := g.AddEdge(e); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// A worker that dies mid-step leaves the step to another worker: the
// event is redelivered after AckWait and the step completes, on its first
// attempt, by the survivor.
func TestDeadWorkersStepIsRedelivered(t *testing.T) {
	ctx, nc, c := serveOneJob(t)

	got := make(chan struct{})
	dying, die := context.WithCancel(ctx)
	deadDone := make(chan error)
	go func() {
		deadDone <- worker.Run(dying, nc, func(ctx context.Context, _ worker.Task) (map[string]any, error) {
			close(got)
			<-ctx.Done() // never finishes: killed mid-step
			return nil, ctx.Err()
		}, worker.WithAckWait(300*time.Millisecond))
	}()
	if _, err := c.Start(ctx, "job-1", "one-job", nil); err != nil {
		t.Fatal(err)
	}
	<-got
	die()
	if err := <-deadDone; err != nil {
		t.Fatal(err)
	}

	go worker.Run(ctx, nc, func(context.Context, worker.Task) (map[string]any, error) {
		return map[string]any{"done_by": "survivor"}, nil
	}, worker.WithAckWait(300*time.Millisecond))
	in := waitEnd(t, ctx, c, "job-1")
	if in.State != workflow.Completed || in.Context["done_by"] != "survivor" || in.Steps["job"].Attempt != 1 {
		t.Fatalf("instance %s, context %v, job %+v: want Completed by the survivor on attempt 1", in.State, in.Context, in.Steps["job"])
	}
}

func waitEnd(t *testing.T, ctx context.Context, c *wfservice.Client, id string) *workflow.Instance {
	for {
		in, err := c.Instance(ctx, id)
		if err == nil && in.State.Terminal() {
			return in
		}
		select {
		case <-ctx.Done():
			t.Fatalf("instance %s did not end: %v", id, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// A step finished while its instance is paused is reported again until
// the instance resumes: the work is not lost.
func TestPausedInstancesGetTheirWorkAfterResume(t *testing.T) {
	ctx, nc, c := serveOneJob(t)
	got, release := make(chan struct{}, 8), make(chan struct{})
	go worker.Run(ctx, nc, func(context.Context, worker.Task) (map[string]any, error) {
		got <- struct{}{}
		<-release
		return map[string]any{"done": true}, nil
	})
	if _, err := c.Start(ctx, "p1", "one-job", nil); err != nil {
		t.Fatal(err)
	}
	<-got
	if _, err := c.Send(ctx, nil, workflow.Pause{Instance: "p1"}); err != nil {
		t.Fatal(err)
	}
	close(release) // the report meets a paused instance
	<-got          // ... and the task comes back
	if in, _ := c.Instance(ctx, "p1"); in.State != workflow.Paused {
		t.Fatalf("instance %s, want still Paused", in.State)
	}
	if _, err := c.Send(ctx, nil, workflow.Resume{Instance: "p1"}); err != nil {
		t.Fatal(err)
	}
	if in := waitEnd(t, ctx, c, "p1"); in.State != workflow.Completed || in.Context["done"] != true {
		t.Fatalf("instance %s, context %v: want Completed with the work's output", in.State, in.Context)
	}
}
