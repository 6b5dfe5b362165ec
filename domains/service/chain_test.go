package service_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// pushes is a domain whose one command stores one event per value pushed:
// decisions of several events, stored as chains.
var pushes = service.Domain[[]int]{
	Name: demo.Domain.Name, Version: "1.0.0", Description: "values pushed in order",
	New: func() []int { return nil },
	Decide: func(_ []int, cmd message.Command) ([]service.Draft, error) {
		var p struct{ Values []int }
		if err := json.Unmarshal(cmd.Payload, &p); err != nil {
			return nil, fmt.Errorf("%w: %v", service.ErrInvalid, err)
		}
		drafts := make([]service.Draft, len(p.Values))
		for i, v := range p.Values {
			drafts[i] = service.Draft{Type: "pushed", Payload: v}
		}
		return drafts, nil
	},
	Apply: func(s []int, ev message.Event) []int {
		var v int
		if json.Unmarshal(ev.Payload, &v) != nil {
			return s
		}
		return append(slices.Clone(s), v)
	},
	Commands: map[string]service.CommandSpec{
		"begin": {Creates: true, Description: "make the list with values: {values}"},
		"push":  {Description: "push values: {values}"},
	},
	Appends: service.Chained,
}

func push(values ...int) message.Command { return pushing("push", values) }

func begin(values ...int) message.Command { return pushing("begin", values) }

func pushing(typ string, values []int) message.Command {
	p, _ := json.Marshal(map[string][]int{"values": values})
	return message.NewCommand(demo.Domain.Name, typ, "p1", p)
}

func pushEngine(t *testing.T, store eventstore.Store) *service.Engine[[]int] {
	t.Helper()
	e, err := service.NewEngine(pushes, store)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// dying is a store whose writer dies after a number of appends: every
// append after those fails, as if the process had stopped between two.
type dying struct {
	eventstore.Store
	mu   sync.Mutex
	left int
}

var errDied = errors.New("the writer died")

func (d *dying) Append(ctx context.Context, id string, v uint64, evs []message.Event) (eventstore.AppendResult, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.left == 0 {
		return eventstore.AppendResult{}, errDied
	}
	d.left--
	return d.Store.Append(ctx, id, v, evs)
}

func values(t *testing.T, evs []message.Event) []int {
	t.Helper()
	out := make([]int, len(evs))
	for i, e := range evs {
		if err := json.Unmarshal(e.Payload, &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestChainedDecisionIsStoredEventByEvent(t *testing.T) {
	eachStore(t, func(t *testing.T, open func() eventstore.Store) {
		store := open()
		cmd := begin(1, 2, 3)
		ack := mustExecuteOn(t, pushEngine(t, store), cmd)
		evs := load(t, store, "p1")
		if got := values(t, evs); !slices.Equal(got, []int{1, 2, 3}) || ack.Version != 3 || len(ack.EventIDs) != 3 {
			t.Fatalf("stored %v, ack %+v", got, ack)
		}
		for i, e := range evs {
			if e.Chain == nil || e.Chain.Index != i || e.Chain.Count != 3 || e.MessageID != service.EventID(cmd.MessageID, i) {
				t.Fatalf("event %d: chain %+v, id %s", i, e.Chain, e.MessageID)
			}
		}
		if len(evs[0].Chain.Rest) != 2 || evs[0].Chain.Rest[1].Type != "pushed" {
			t.Fatalf("first event carries %+v", evs[0].Chain.Rest)
		}
		if one := load(t, store, "p1"); mustExecuteOn(t, pushEngine(t, store), push(4)).Version != 4 || one[0].Chain == nil {
			t.Fatal("a one-event decision after a chain")
		}
		if last := load(t, store, "p1")[3]; last.Chain != nil {
			t.Fatalf("a one-event decision is not chained: %+v", last.Chain)
		}
	})
}

func mustExecuteOn(t *testing.T, e *service.Engine[[]int], c message.Command) service.Ack {
	t.Helper()
	ack, err := e.Execute(context.Background(), c)
	if err != nil {
		t.Fatalf("%s: %v", c.Type, err)
	}
	return ack
}

// cutShort makes a writer die after storing the first of three events.
func cutShort(t *testing.T, store eventstore.Store) message.Command {
	t.Helper()
	cmd := begin(1, 2, 3)
	if _, err := pushEngine(t, &dying{Store: store, left: 1}).Execute(context.Background(), cmd); !errors.Is(err, errDied) {
		t.Fatalf("the dying writer answered %v", err)
	}
	if got := values(t, load(t, store, "p1")); !slices.Equal(got, []int{1}) {
		t.Fatalf("the dying writer left %v, want [1]", got)
	}
	return cmd
}

func TestChainCutShortIsFinishedByTheNextCommand(t *testing.T) {
	eachStore(t, func(t *testing.T, open func() eventstore.Store) {
		store := open()
		cutShort(t, store)
		ack := mustExecuteOn(t, pushEngine(t, open()), push(4))
		if got := values(t, load(t, store, "p1")); !slices.Equal(got, []int{1, 2, 3, 4}) || ack.Version != 4 {
			t.Fatalf("after the next command: %v, ack %+v", got, ack)
		}
	})
}

func TestChainCutShortIsFinishedByTheRetry(t *testing.T) {
	eachStore(t, func(t *testing.T, open func() eventstore.Store) {
		store := open()
		cmd := cutShort(t, store)
		ack := mustExecuteOn(t, pushEngine(t, open()), cmd)
		if got := values(t, load(t, store, "p1")); !slices.Equal(got, []int{1, 2, 3}) {
			t.Fatalf("after the retry: %v", got)
		}
		if !ack.Duplicate || ack.Version != 3 || len(ack.EventIDs) != 3 || ack.EventIDs[2] != service.EventID(cmd.MessageID, 2) {
			t.Fatalf("retry ack %+v", ack)
		}
	})
}

// Two engines that start at once both find the open chain; the rest of it
// is stored once.
func TestRecoverFinishesChainsCutShortOnce(t *testing.T) {
	eachStore(t, func(t *testing.T, open func() eventstore.Store) {
		store := open()
		cutShort(t, store)
		var wg sync.WaitGroup
		finished := make([]int, 2)
		for i := range finished {
			e := pushEngine(t, open())
			wg.Go(func() {
				n, err := e.Recover(context.Background(), service.RecoveryWindow)
				if err != nil {
					t.Error(err)
				}
				finished[i] = n
			})
		}
		wg.Wait()
		if got := values(t, load(t, store, "p1")); !slices.Equal(got, []int{1, 2, 3}) {
			t.Fatalf("after recovery: %v", got)
		}
		if finished[0]+finished[1] == 0 {
			t.Fatal("no engine found the open chain")
		}
		if n, err := pushEngine(t, open()).Recover(context.Background(), service.RecoveryWindow); n != 0 || err != nil {
			t.Fatalf("a second recovery finished %d chains, %v", n, err)
		}
	})
}
