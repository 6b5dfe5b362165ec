package workflow

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// assigned is start -> sign (approval assigned to approvers of unit-eng)
// -> end.
func assigned(t testing.TB) *Definition {
	t.Helper()
	g := build(t, []string{"start:start", "sign:approval", "end:end"}, "start>sign", "sign>end")
	g.Nodes[1].Props = map[string]string{PropAssigneeOrg: "acme", PropAssigneeUnit: "unit-eng", PropAssigneeRole: "approver"}
	d, err := Compile(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAssigneeValidation(t *testing.T) {
	tests := []struct {
		name  string
		kind  string
		props map[string]string
		want  string // "" valid
	}{
		{"both", "approval", map[string]string{PropAssigneeOrg: "acme", PropAssigneeUnit: "unit-eng", PropAssigneeRole: "approver"}, ""},
		{"neither", "approval", nil, ""},
		{"unit only", "approval", map[string]string{PropAssigneeOrg: "acme", PropAssigneeUnit: "unit-eng"}, "needs both"},
		{"role only", "approval", map[string]string{PropAssigneeOrg: "acme", PropAssigneeRole: "approver"}, "needs both"},
		{"empty role", "approval", map[string]string{PropAssigneeOrg: "acme", PropAssigneeUnit: "unit-eng", PropAssigneeRole: ""}, "needs both"},
		{"no organization", "approval", map[string]string{PropAssigneeUnit: "unit-eng", PropAssigneeRole: "approver"}, "organization"},
		{"bad organization", "approval", map[string]string{PropAssigneeOrg: "ac.me", PropAssigneeUnit: "unit-eng", PropAssigneeRole: "approver"}, "organization"},
		{"not an approval", "manual", map[string]string{PropAssigneeOrg: "acme", PropAssigneeUnit: "unit-eng", PropAssigneeRole: "approver"}, "only approval steps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, []string{"s:start", "a:" + tt.kind, "e:end"}, "s>a", "a>e")
			g.Nodes[1].Props = tt.props
			d, err := Compile(g, 1)
			var verr *ValidationError
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("want valid, got %v", err)
			case tt.want == "" && (tt.props == nil) != (d.steps["a"].Assignee == nil):
				t.Fatalf("assignee %v from props %v", d.steps["a"].Assignee, tt.props)
			case tt.want != "" && !errors.As(err, &verr):
				t.Fatalf("err = %v, want a problem %q", err, tt.want)
			case verr != nil && !hasProblem(verr.Problems, Problem{Node: "a", Msg: tt.want}):
				t.Fatalf("missing problem %q in %v", tt.want, verr)
			}
		})
	}
}

// decide runs one command on in and fails the test on a refusal.
func decide(t *testing.T, in *Instance, d *Definition, c Command) (*Instance, []Event) {
	t.Helper()
	next, evs, err := Decide(in, d, c)
	if err != nil {
		t.Fatalf("%s: %v", c.CommandType(), err)
	}
	return next, evs
}

func TestAssignedApprovalTakesOnlyACandidate(t *testing.T) {
	d := assigned(t)
	in, evs := decide(t, &Instance{}, d, StartInstance{Instance: id, Workflow: "wf"})
	req := evs[len(evs)-1]
	if req.Type != EvtApprovalRequested || req.Unit != "unit-eng" || req.Role != "approver" || req.Attempt != 1 {
		t.Fatalf("last event %+v, want approval_requested naming unit-eng/approver", req)
	}
	early := Approve{StepRef: ref("sign"), Actor: "person-ada"}
	if _, _, err := Decide(in, d, early); !errors.Is(err, ErrUnauthorized) || !strings.Contains(err.Error(), "not known yet") {
		t.Fatalf("approve before the candidates are known: %v, want unauthorized", err)
	}
	in, evs = decide(t, in, d, AssignApproval{StepRef: ref("sign"), Candidates: []string{"person-bob", "person-ada", "person-ada"}})
	if brief(evs)[0] != "approval_assigned:sign" || !slices.Equal(in.Steps["sign"].Candidates, []string{"person-ada", "person-bob"}) {
		t.Fatalf("events %v, candidates %v", brief(evs), in.Steps["sign"].Candidates)
	}
	refused := []Command{
		Approve{StepRef: ref("sign"), Actor: "person-eve", By: "person-ada"}, // the body's By is no credential
		Approve{StepRef: ref("sign"), By: "person-ada"},
		Reject{StepRef: ref("sign"), Actor: "person-eve"},
	}
	for _, c := range refused {
		if _, evs, err := Decide(in, d, c); !errors.Is(err, ErrUnauthorized) || evs != nil {
			t.Fatalf("%+v: %v (events %v), want unauthorized and nothing", c, err, brief(evs))
		}
	}
	in, evs = decide(t, in, d, Approve{StepRef: ref("sign"), Actor: "person-bob", By: "someone else"})
	if evs[0].Type != EvtApproved || evs[0].By != "person-bob" || in.State != Completed {
		t.Fatalf("events %+v, state %s: want approved by person-bob and Completed", evs, in.State)
	}
}

func TestUnassignedApprovalIsVisibleAndAsksAgainOnRetry(t *testing.T) {
	d := assigned(t)
	in, _ := decide(t, &Instance{}, d, StartInstance{Instance: id, Workflow: "wf"})
	in, evs := decide(t, in, d, AssignApproval{StepRef: ref("sign")})
	run := in.Steps["sign"]
	if brief(evs)[0] != "approval_unassigned:sign" || run.State != StepWaitingApproval || !strings.Contains(run.Reason, "no one holds") {
		t.Fatalf("events %v, step %+v: want approval_unassigned with a reason", brief(evs), run)
	}
	if _, _, err := Decide(in, d, Approve{StepRef: ref("sign"), Actor: "person-ada"}); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("approve of an unassigned approval: %v, want unauthorized", err)
	}
	in, evs = decide(t, in, d, RetryStep{StepRef: ref("sign")})
	if last := evs[len(evs)-1]; last.Type != EvtApprovalRequested || last.Attempt != 2 || in.Steps["sign"].Reason != "" {
		t.Fatalf("retry gave %+v, step %+v: want approval asked again at attempt 2", last, in.Steps["sign"])
	}
}

func TestAssignmentRefusals(t *testing.T) {
	d := assigned(t)
	in, _ := decide(t, &Instance{}, d, StartInstance{Instance: id, Workflow: "wf"})
	plain := given(t, review(t), start, doWork)
	tests := []struct {
		name string
		in   *Instance
		d    *Definition
		c    Command
		want error
	}{
		{"step without assignee", plain, review(t), AssignApproval{StepRef: ref("sign"), Candidates: []string{"a"}}, ErrInvalid},
		{"empty candidate", in, d, AssignApproval{StepRef: ref("sign"), Candidates: []string{""}}, ErrInvalid},
		{"too many", in, d, AssignApproval{StepRef: ref("sign"), Candidates: make([]string, MaxCandidates+1)}, ErrInvalid},
		{"stale attempt", in, d, AssignApproval{StepRef: StepRef{Instance: id, Step: "sign", Attempt: 2}, Candidates: []string{"a"}}, ErrIllegal},
		{"not waiting", plain, review(t), AssignApproval{StepRef: ref("auto"), Candidates: []string{"a"}}, ErrIllegal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, evs, err := Decide(tt.in, tt.d, tt.c); !errors.Is(err, tt.want) || evs != nil {
				t.Fatalf("err %v (events %v), want %v", err, brief(evs), tt.want)
			}
		})
	}
}

func TestUnassignedApprovalsTakeAnyone(t *testing.T) {
	in := given(t, review(t), start, doWork)
	next, evs, err := Decide(in, review(t), Approve{StepRef: ref("sign"), By: "ann"})
	if err != nil || evs[0].By != "ann" || next.Steps["sign"].State != StepCompleted {
		t.Fatalf("approve %v, events %+v: want approved by ann", err, evs)
	}
}
