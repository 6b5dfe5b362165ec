package workflow

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// review is the fixture: start -> work (manual, 1 retry) -> fork ->
// {auto (automated), sign (approval)} -> join -> check (decision:
// "x > 1" -> extra (manual), default -> end); extra -> end.
func review(t testing.TB) *Definition {
	t.Helper()
	g := build(t,
		[]string{"start:start", "work:manual", "fork:fork", "auto:automated", "sign:approval", "join:join", "check:decision", "extra:manual", "end:end"},
		"start>work", "work>fork", "fork>auto", "fork>sign", "auto>join", "sign>join", "join>check", "check>extra:x > 1", "check>end:default", "extra>end")
	g.Nodes[1].Props = map[string]string{"retries": "1"}
	d, err := Compile(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const id = "i1"

func ref(step string) StepRef { return StepRef{Instance: id, Step: step} }

var (
	start    = StartInstance{Instance: id, Workflow: "wf", Context: map[string]any{"x": 0.0}}
	create   = CreateInstance{Instance: id, Workflow: "wf"}
	doWork   = CompleteStep{StepRef: ref("work")}
	doAuto   = CompleteStep{StepRef: ref("auto")}
	doSign   = Approve{StepRef: ref("sign"), By: "ann"}
	pause    = Pause{Instance: id}
	resume   = Resume{Instance: id}
	cancel   = Cancel{Instance: id, Reason: "stop"}
	failWork = FailStep{StepRef: ref("work"), Reason: "boom"}
)

// given runs commands from nothing and returns the instance after them.
func given(t testing.TB, d *Definition, cmds ...Command) *Instance {
	t.Helper()
	in := &Instance{}
	for _, c := range cmds {
		next, _, err := Decide(in, d, c)
		if err != nil {
			t.Fatalf("given %s: %v", c.CommandType(), err)
		}
		in = next
	}
	return in
}

// brief writes events as "type" or "type:step", for readable tables.
func brief(evs []Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Type
		if e.Step != "" {
			out[i] += ":" + e.Step
		}
	}
	return out
}

func TestInstanceTransitions(t *testing.T) {
	d := review(t)
	toFork := []Command{start, doWork}
	tests := []struct {
		name  string
		given []Command
		when  Command
		then  string // space-separated brief events
	}{
		{"start a new instance", nil, start, "instance_started step_started:start step_completed:start step_started:work"},
		{"create a draft", nil, create, "instance_created"},
		{"start a draft", []Command{create}, StartInstance{Instance: id}, "instance_started step_started:start step_completed:start step_started:work"},
		{"cancel a draft", []Command{create}, cancel, "cancelled"},
		{"complete work forks", []Command{start}, doWork,
			"step_completed:work step_started:fork step_completed:fork step_started:auto step_started:sign approval_requested:sign"},
		{"join waits for the other branch", toFork, doAuto, "step_completed:auto branch_arrived:join"},
		{"join proceeds, decision takes default, end completes", append(toFork, doAuto), doSign,
			"approved:sign step_completed:sign branch_arrived:join step_started:join step_completed:join step_started:check step_completed:check step_started:end step_completed:end completed"},
		{"decision takes the first true branch", append(toFork, doAuto), Approve{StepRef: ref("sign"), Outputs: map[string]any{"x": 5.0}},
			"approved:sign step_completed:sign branch_arrived:join step_started:join step_completed:join step_started:check step_completed:check step_started:extra"},
		{"failure retries", []Command{start}, failWork, "step_failed:work step_retried:work step_started:work"},
		{"failure past the limit fails the instance", []Command{start, failWork}, failWork, "step_failed:work failed"},
		{"retry restarts a running step", []Command{start}, RetryStep{ref("work")}, "step_retried:work step_started:work"},
		{"skip moves on", []Command{start}, SkipStep{ref("work")},
			"step_skipped:work step_started:fork step_completed:fork step_started:auto step_started:sign approval_requested:sign"},
		{"skip an approval", toFork, SkipStep{ref("sign")}, "step_skipped:sign branch_arrived:join"},
		{"reject fails the instance", toFork, Reject{StepRef: ref("sign"), Reason: "no"}, "rejected:sign step_failed:sign failed"},
		{"pause", []Command{start}, pause, "instance_paused"},
		{"resume", []Command{start, pause}, resume, "resumed"},
		{"cancel running", []Command{start}, cancel, "cancelled"},
		{"cancel paused", []Command{start, pause}, cancel, "cancelled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := given(t, d, tt.given...)
			_, evs, err := Decide(in, d, tt.when)
			if err != nil {
				t.Fatalf("when %s: %v", tt.when.CommandType(), err)
			}
			if got := strings.Join(brief(evs), " "); got != tt.then {
				t.Errorf("then\n got %s\nwant %s", got, tt.then)
			}
		})
	}
}

// reach gives command lists that bring the fixture's instance to each
// instance state.
func reach() map[State][]Command {
	return map[State][]Command{
		Draft:     {create},
		Running:   {start},
		Paused:    {start, pause},
		Completed: {start, doWork, doAuto, doSign},
		Failed:    {start, failWork, failWork},
		Cancelled: {start, cancel},
	}
}

// TestInstanceStateTable runs every lifecycle command in every instance
// state: allowed ones emit events, the rest are refused naming the state.
func TestInstanceStateTable(t *testing.T) {
	d := review(t)
	allowed := map[State][]string{
		Draft:   {TypeStartInstance, TypeCancel},
		Running: {TypePause, TypeCancel, TypeCompleteStep},
		Paused:  {TypeResume, TypeCancel},
	}
	cmds := []Command{StartInstance{Instance: id}, pause, resume, cancel, doWork}
	for state, path := range reach() {
		for _, c := range cmds {
			t.Run(fmt.Sprintf("%s/%s", state, c.CommandType()), func(t *testing.T) {
				in := given(t, d, path...)
				if in.State != state {
					t.Fatalf("given state %s, want %s", in.State, state)
				}
				_, evs, err := Decide(in, d, c)
				if slices.Contains(allowed[state], c.CommandType()) {
					if err != nil || len(evs) == 0 {
						t.Fatalf("refused: %v", err)
					}
					return
				}
				if !errors.Is(err, ErrIllegal) || !strings.Contains(err.Error(), string(state)) {
					t.Fatalf("err = %v, want ErrIllegal naming %s", err, state)
				}
			})
		}
	}
}

// TestStepStateTable runs every step command against a step in every
// step state.
func TestStepStateTable(t *testing.T) {
	d := review(t)
	steps := []struct {
		state StepState
		given []Command
		step  string
	}{
		{StepRunning, []Command{start}, "work"},
		{StepWaitingApproval, []Command{start, doWork}, "sign"},
		{StepCompleted, []Command{start, doWork}, "work"},
		{StepPending, []Command{start, doWork, doAuto}, "join"},
		{StepSkipped, []Command{start, SkipStep{ref("work")}}, "work"},
	}
	allowed := map[StepState][]string{
		StepRunning:         {TypeCompleteStep, TypeFailStep, TypeRetryStep, TypeSkipStep},
		StepWaitingApproval: {TypeApprove, TypeReject, TypeRetryStep, TypeSkipStep},
	}
	for _, s := range steps {
		for _, c := range stepCommands(s.step) {
			t.Run(fmt.Sprintf("%s/%s", s.state, c.CommandType()), func(t *testing.T) {
				in := given(t, d, s.given...)
				if got := in.Steps[s.step].State; got != s.state {
					t.Fatalf("given step state %s, want %s", got, s.state)
				}
				_, _, err := Decide(in, d, c)
				if slices.Contains(allowed[s.state], c.CommandType()) {
					if err != nil {
						t.Fatalf("refused: %v", err)
					}
					return
				}
				if !errors.Is(err, ErrIllegal) || !strings.Contains(err.Error(), string(s.state)) {
					t.Fatalf("err = %v, want ErrIllegal naming %s", err, s.state)
				}
			})
		}
	}
}

func stepCommands(step string) []Command {
	r := ref(step)
	return []Command{CompleteStep{StepRef: r}, FailStep{StepRef: r}, RetryStep{r}, SkipStep{r}, Approve{StepRef: r}, Reject{StepRef: r}}
}

func TestRefusals(t *testing.T) {
	d := review(t)
	tests := []struct {
		name  string
		given []Command
		when  Command
		want  error
	}{
		{"start twice", []Command{start}, start, ErrIllegal},
		{"create twice", []Command{create}, create, ErrExists},
		{"pause a missing instance", nil, pause, ErrNotFound},
		{"complete a step of a paused instance", []Command{start, pause}, doWork, ErrIllegal},
		{"complete an unknown step", []Command{start}, CompleteStep{StepRef: ref("nope")}, ErrNotFound},
		{"complete a step not started", []Command{start}, doAuto, ErrIllegal},
		{"stale attempt", []Command{start, failWork}, CompleteStep{StepRef: StepRef{Instance: id, Step: "work", Attempt: 1}}, ErrIllegal},
		{"no target", nil, Pause{}, ErrInvalid},
		{"wrong workflow", nil, StartInstance{Instance: id, Workflow: "other"}, ErrInvalid},
		{"depth outside the limit", nil, StartInstance{Instance: id, Workflow: "wf", Depth: MaxDepth + 1}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := given(t, d, tt.given...)
			if _, _, err := Decide(in, d, tt.when); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, _, err := Decide(&Instance{}, nil, start); !errors.Is(err, ErrNotFound) {
		t.Errorf("start without a definition: %v", err)
	}
}

func TestOutputsSetContextVariables(t *testing.T) {
	d := review(t)
	in := given(t, d, start, CompleteStep{StepRef: ref("work"), Outputs: map[string]any{"owner": "bo"}})
	if in.Context["owner"] != "bo" || in.Context["x"] != 0.0 {
		t.Errorf("context = %v", in.Context)
	}
}
