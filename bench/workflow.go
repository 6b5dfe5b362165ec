package bench

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/graph"
)

// chainSteps is the length of the benchmark workflow's chain of manual
// steps (start → m1 … m10 → end).
const chainSteps = 10

func chainWorkflow() (*graph.Graph, error) {
	g := graph.New("bench-chain", "")
	ids := []string{"start"}
	for i := 1; i <= chainSteps; i++ {
		ids = append(ids, "m"+strconv.Itoa(i))
	}
	ids = append(ids, "end")
	for i, id := range ids {
		kind := "manual"
		if i == 0 || i == len(ids)-1 {
			kind = id
		}
		if err := g.AddNode(graph.Node{ID: id, Kind: kind}); err != nil {
			return nil, err
		}
		if i > 0 {
			if err := g.AddEdge(graph.Edge{ID: "e" + strconv.Itoa(i), From: ids[i-1], To: id}); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

// workflowRig is the workflow services on a fresh backbone with the chain
// published and instances started for each walker.
type workflowRig struct {
	bb  *backbone
	svc *wfservice.Services
	c   *wfservice.Client
}

func startWorkflowRig(ctx context.Context, walkers, instances int) (*workflowRig, error) {
	bb, err := startBackbone()
	if err != nil {
		return nil, err
	}
	r := &workflowRig{bb: bb, c: wfservice.NewClient(bb.nc)}
	if r.svc, err = wfservice.Start(ctx, bb.nc, service.WithLogger(quietLog)); err != nil {
		bb.close()
		return nil, err
	}
	bb.closers = append(bb.closers, r.svc.Stop)
	if err := r.prepare(ctx, walkers, instances); err != nil {
		bb.close()
		return nil, err
	}
	return r, nil
}

func (r *workflowRig) prepare(ctx context.Context, walkers, instances int) error {
	g, err := chainWorkflow()
	if err != nil {
		return err
	}
	if _, err := r.c.Publish(ctx, g, false); err != nil {
		return fmt.Errorf("publishing the workflow: %w", err)
	}
	for k := range walkers {
		for i := range instances {
			if _, err := r.c.Start(ctx, instanceID(k, i), g.ID, nil); err != nil {
				return fmt.Errorf("starting an instance: %w", err)
			}
		}
	}
	return nil
}

func instanceID(walker, i int) string { return "b" + strconv.Itoa(walker) + "-" + strconv.Itoa(i) }

// walk completes n steps of walker k's instances, one instance after the
// other, pacing commands pace apart (0: as fast as acks come), and returns
// each command's latency.
func (r *workflowRig) walk(ctx context.Context, k, n int, pace time.Duration) ([]time.Duration, error) {
	lat := make([]time.Duration, 0, n)
	next := time.Now()
	for j := range n {
		if pace > 0 {
			next = next.Add(pace)
			time.Sleep(time.Until(next))
		}
		step := workflow.StepRef{Instance: instanceID(k, j/chainSteps), Step: "m" + strconv.Itoa(j%chainSteps+1)}
		t0 := time.Now()
		if _, err := r.c.Send(ctx, nil, workflow.CompleteStep{StepRef: step}); err != nil {
			return nil, fmt.Errorf("complete %s of %s: %w", step.Step, step.Instance, err)
		}
		lat = append(lat, time.Since(t0))
	}
	return lat, nil
}

// measureTransitions: 64 clients (8 quick) each complete steps of their own
// instances as fast as they are acknowledged; a transition is an event the
// instance service stored (step_completed, step_started, ...).
func measureTransitions(ctx context.Context, s Size) (Measurement, error) {
	// Full size: 19,200 commands, several seconds of sustained load.
	walkers, perWalker := s.Pick(8, 64), s.Pick(40, 300)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	r, err := startWorkflowRig(ctx, walkers, (perWalker+chainSteps-1)/chainSteps)
	if err != nil {
		return Measurement{}, err
	}
	defer r.bb.close()
	before := r.svc.Stats().LastSequence
	start := time.Now()
	lat, err := r.walkAll(ctx, walkers, perWalker)
	took := time.Since(start)
	if err != nil {
		return Measurement{}, err
	}
	events := r.svc.Stats().LastSequence - before
	note := fmt.Sprintf("%d complete_step commands from %d clients on JetStream: %.0f cmds/s, %d events; latency under this load p50 %.2f ms, p99 %.2f ms",
		len(lat), walkers, float64(len(lat))/took.Seconds(), events, ms(percentile(lat, 50)), ms(percentile(lat, 99)))
	return Measurement{Value: float64(events) / took.Seconds(), Note: note}, nil
}

func (r *workflowRig) walkAll(ctx context.Context, walkers, perWalker int) ([]time.Duration, error) {
	lats := make([][]time.Duration, walkers)
	errs := make([]error, walkers)
	var wg sync.WaitGroup
	for k := range walkers {
		wg.Go(func() { lats[k], errs[k] = r.walk(ctx, k, perWalker, 0) })
	}
	wg.Wait()
	var all []time.Duration
	for k := range walkers {
		if errs[k] != nil {
			return nil, errs[k]
		}
		all = append(all, lats[k]...)
	}
	return all, nil
}

// measureTransitionP99: one client completes steps paced at 1k/s, as an
// operator's view would send them; p99 of the round trip.
func measureTransitionP99(ctx context.Context, s Size) (Measurement, error) {
	n := s.Pick(300, 2000)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	r, err := startWorkflowRig(ctx, 1, (n+chainSteps-1)/chainSteps)
	if err != nil {
		return Measurement{}, err
	}
	defer r.bb.close()
	lat, err := r.walk(ctx, 0, n, time.Millisecond)
	if err != nil {
		return Measurement{}, err
	}
	note := fmt.Sprintf("%d complete_step commands at 1k/s, one client, JetStream; p50 %.2f ms", n, ms(percentile(lat, 50)))
	return Measurement{Value: ms(percentile(lat, 99)), Note: note}, nil
}
