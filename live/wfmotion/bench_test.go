package wfmotion

import (
	"fmt"
	"testing"

	"github.com/cimviz/cimviz/domains/workflow"
)

// runEvents runs n instances of the order-fulfilment template to the end,
// completing each waiting step in turn, and returns their events in the
// order a subscriber sees them (interleaved by command).
func runEvents(b *testing.B, n int) ([]string, []workflow.Event) {
	g, err := workflow.Template("order-fulfilment")
	if err != nil {
		b.Fatal(err)
	}
	def, err := workflow.Compile(g, 1)
	if err != nil {
		b.Fatal(err)
	}
	insts := make([]*workflow.Instance, n)
	for i := range insts {
		insts[i] = &workflow.Instance{}
	}
	var ids []string
	var evs []workflow.Event
	for live := true; live; {
		live = false
		for i := range insts {
			cmd, ok := nextOf(insts[i], i, def)
			if !ok {
				continue
			}
			live = true
			next, out, err := workflow.Decide(insts[i], def, cmd)
			if err != nil {
				b.Fatal(err)
			}
			insts[i] = next
			for _, e := range out {
				ids, evs = append(ids, next.ID), append(evs, e)
			}
		}
	}
	return ids, evs
}

func nextOf(in *workflow.Instance, i int, def *workflow.Definition) (workflow.Command, bool) {
	if !in.Exists() {
		ctx := map[string]any{"total": float64(i * 40), "express": i%3 == 0}
		return workflow.StartInstance{Instance: fmt.Sprintf("i%d", i), Workflow: def.Workflow, Context: ctx}, true
	}
	if in.State.Terminal() {
		return nil, false
	}
	for _, id := range in.Active() {
		r := workflow.StepRef{Instance: in.ID, Step: id}
		if in.Steps[id].State == workflow.StepWaitingApproval {
			return workflow.Approve{StepRef: r}, true
		}
		if in.Steps[id].State == workflow.StepRunning {
			return workflow.CompleteStep{StepRef: r}, true
		}
	}
	return nil, false
}

// BenchmarkFold is the cost of one workflow event: 30 instances of
// order-fulfilment run to the end, folded event by event (ns/op is per
// event), with the open workflow's counts read as a tick would.
func BenchmarkFold(b *testing.B) {
	ids, evs := runEvents(b, 30)
	var taken []Transition
	b.ReportAllocs()
	b.ResetTimer()
	m := New()
	for i := range b.N {
		k := i % len(evs)
		if k == 0 {
			m = New()
		}
		taken = m.Fold(taken[:0], ids[k], evs[k])
		_ = m.Counts("order-fulfilment")
	}
	b.ReportMetric(float64(len(evs)), "events/run")
}
