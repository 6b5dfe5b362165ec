package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/eventstore/storebench"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// commandTimeout bounds every command of a measurement, so a stuck service
// fails the metric instead of hanging the run.
const commandTimeout = time.Minute

// counterBackbone serves the demo counter domain on a fresh backbone, its
// events in JetStream (persisted) or, with inMemory, in a memory store,
// and creates n counters.
func counterBackbone(n int, inMemory bool) (*backbone, []string, error) {
	bb, err := startBackbone()
	if err != nil {
		return nil, nil, err
	}
	if err := serveCounters(bb, inMemory); err != nil {
		bb.close()
		return nil, nil, err
	}
	ids, err := createCounters(service.NewClient(bb.nc, demo.Domain.Name), n)
	if err != nil {
		bb.close()
		return nil, nil, err
	}
	return bb, ids, nil
}

func serveCounters(bb *backbone, inMemory bool) error {
	if !inMemory {
		return bb.serve(demo.Domain)
	}
	store, err := memstore.New(demo.Domain.Name)
	if err != nil {
		return err
	}
	svc, err := demo.Domain.Start(bb.nc, store, service.WithLogger(quietLog))
	if err != nil {
		return err
	}
	bb.closers = append(bb.closers, svc.Stop)
	return nil
}

func createCounters(cl *service.Client, n int) ([]string, error) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("b%d", i)
		if err := sendCounter(cl, "create", ids[i], `{"name":"bench"}`); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func sendCounter(cl *service.Client, typ, id, payload string) error {
	cmd := message.NewCommand(demo.Domain.Name, typ, id, nil)
	if payload != "" {
		cmd.Payload = []byte(payload)
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	_, err := cl.Send(ctx, cmd)
	return err
}

// pacedRoundTrips sends n increments one after another from one client,
// one per millisecond, and returns each round trip.
func pacedRoundTrips(s Size) ([]time.Duration, error) {
	bb, ids, err := counterBackbone(64, false)
	if err != nil {
		return nil, err
	}
	defer bb.close()
	cl := service.NewClient(bb.nc, demo.Domain.Name)
	n := s.Pick(1000, 10_000)
	lat := make([]time.Duration, 0, n)
	next := time.Now()
	for i := range n {
		next = next.Add(time.Millisecond)
		time.Sleep(time.Until(next))
		start := time.Now()
		if err := sendCounter(cl, "increment", ids[i%len(ids)], ""); err != nil {
			return nil, fmt.Errorf("increment %d: %w", i, err)
		}
		lat = append(lat, time.Since(start))
	}
	return lat, nil
}

func measureCommandRTT(p float64) func(context.Context, Size) (Measurement, error) {
	return func(_ context.Context, s Size) (Measurement, error) {
		lat, err := pacedRoundTrips(s)
		if err != nil {
			return Measurement{}, err
		}
		note := fmt.Sprintf("demo counter on JetStream, %d increments at 1k/s over 64 counters; p50 %.3f ms, p99 %.3f ms",
			len(lat), ms(percentile(lat, 50)), ms(percentile(lat, 99)))
		return Measurement{Value: ms(percentile(lat, p)), Note: note}, nil
	}
}

// concurrentRate is commands/s of 4 clients with 64 requests in flight
// each, incrementing 256 counters through one service instance, and the
// CPU time per command.
func concurrentRate(n int, inMemory bool) (score, error) {
	bb, ids, err := counterBackbone(256, inMemory)
	if err != nil {
		return score{}, err
	}
	defer bb.close()
	const clients, inFlight = 4, 64
	var cls []*service.Client
	for range clients {
		nc, err := bb.connect()
		if err != nil {
			return score{}, err
		}
		cls = append(cls, service.NewClient(nc, demo.Domain.Name))
	}
	return scored(n, func() (float64, error) {
		start := time.Now()
		err := sendConcurrently(cls, inFlight, ids, n)
		return float64(n) / time.Since(start).Seconds(), err
	})
}

// sendConcurrently sends n increments, inFlight at a time per client.
func sendConcurrently(cls []*service.Client, inFlight int, ids []string, n int) error {
	var issued atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, len(cls)*inFlight)
	for c, cl := range cls {
		for w := range inFlight {
			wg.Go(func() { errs <- commandLoop(cl, ids, c*inFlight+w, int64(n), &issued) })
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func commandLoop(cl *service.Client, ids []string, seed int, n int64, issued *atomic.Int64) error {
	for i := seed; issued.Add(1) <= n; i += 7 {
		if err := sendCounter(cl, "increment", ids[i%len(ids)], ""); err != nil {
			return err
		}
	}
	return nil
}

func measureConcurrent(ctx context.Context, s Size) (Measurement, error) {
	n := s.Pick(5_000, 50_000)
	persisted, err := concurrentRate(n, false)
	if err != nil {
		return Measurement{}, err
	}
	inMemory, err := concurrentRate(n, true)
	if err != nil {
		return Measurement{}, err
	}
	checked, err := checkedAppendCost(ctx, s.Pick(20_000, 100_000))
	if err != nil {
		return Measurement{}, err
	}
	cores := runtime.NumCPU()
	note := fmt.Sprintf("%d increments, 4 clients × 64 in flight, 256 counters, one instance, %.1f µs CPU per command; "+
		"memory store: %.0f cmds/s, %.1f µs; a raw append with the store's checks costs %.1f µs, so %d cores carry at most %.0f cmds/s persisted",
		n, us(persisted.cpu), inMemory.rate, us(inMemory.cpu), us(checked.cpu), cores,
		float64(cores)/(inMemory.cpu+checked.cpu).Seconds())
	return Measurement{Value: persisted.rate, Note: note}, nil
}

// checkedAppendCost scores raw async JetStream publishes that carry what
// an append asks of the server (the duplicate and concurrency checks), as
// many aggregates in flight as the harness has workers.
func checkedAppendCost(ctx context.Context, n int) (score, error) {
	bb, err := startBackbone()
	if err != nil {
		return score{}, err
	}
	defer bb.close()
	return scored(n, func() (float64, error) {
		return storebench.RawCheckedAppend(ctx, bb.nc, n, service.DefaultWorkers)
	})
}
