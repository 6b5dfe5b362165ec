package workflow

import (
	"encoding/json"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// definitions are the templates plus the review fixture: every step kind,
// forks, joins, decisions and retries.
func definitions(t *testing.T) []*Definition {
	defs := []*Definition{review(t)}
	for _, name := range Templates() {
		g, err := Template(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Compile(g, 1)
		if err != nil {
			t.Fatal(err)
		}
		defs = append(defs, d)
	}
	return defs
}

// randomCommand picks a command that is valid for one active step (or a
// pause, resume or cancel).
func randomCommand(t *rapid.T, in *Instance) Command {
	if in.State == Paused {
		return Resume{Instance: in.ID}
	}
	active := in.Active()
	slices.Sort(active)
	waiting := slices.DeleteFunc(active, func(s string) bool { return in.Steps[s].State == StepPending })
	step := rapid.SampledFrom(waiting).Draw(t, "step")
	r := StepRef{Instance: in.ID, Step: step}
	out := map[string]any{"x": float64(rapid.IntRange(0, 3).Draw(t, "x"))}
	if in.Steps[step].State == StepWaitingApproval {
		return rapid.SampledFrom([]Command{Approve{StepRef: r, Outputs: out}, Approve{StepRef: r}, Reject{StepRef: r}, SkipStep{r}}).Draw(t, "approval")
	}
	return rapid.SampledFrom([]Command{CompleteStep{StepRef: r, Outputs: out}, CompleteStep{StepRef: r},
		FailStep{StepRef: r}, SkipStep{r}, RetryStep{r}, Pause{Instance: in.ID}, Cancel{Instance: in.ID}}).Draw(t, "command")
}

func sampleContext(t *rapid.T) map[string]any {
	return map[string]any{
		"x": float64(rapid.IntRange(0, 3).Draw(t, "x0")), "amount": float64(rapid.IntRange(0, 2000).Draw(t, "amount")),
		"total": float64(rapid.IntRange(0, 1000).Draw(t, "total")), "express": rapid.Bool().Draw(t, "express"),
		"n": float64(rapid.IntRange(0, 3).Draw(t, "n")),
	}
}

// TestRandomRunsEnd: random valid commands always bring an instance to a
// terminal state, and replaying its events gives the same state Decide
// built step by step.
func TestRandomRunsEnd(t *testing.T) {
	defs := definitions(t)
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.SampledFrom(defs).Draw(t, "workflow")
		in, history := &Instance{}, []Event(nil)
		var cmd Command = StartInstance{Instance: "p", Workflow: d.Workflow, Context: sampleContext(t)}
		for i := 0; i < 500 && !in.State.Terminal(); i++ {
			next, evs, err := Decide(in, d, cmd)
			if err != nil {
				t.Fatalf("%s refused: %v", cmd.CommandType(), err)
			}
			in, history = next, append(history, evs...)
			if !in.State.Terminal() {
				cmd = randomCommand(t, in)
			}
		}
		if !in.State.Terminal() {
			t.Fatalf("instance still %s after 500 commands; active %v", in.State, in.Active())
		}
		if got, want := jsonOf(t, Replay("p", history)), jsonOf(t, in); got != want {
			t.Fatalf("replay differs:\n got %s\nwant %s", got, want)
		}
	})
}

func jsonOf(t *rapid.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
