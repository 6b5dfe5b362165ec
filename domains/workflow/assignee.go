package workflow

import (
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/graph"
)

// Node properties that assign an approval step to a role in an
// organization unit: the definition's
// assignee: {organization: "acme", organization_unit: "engineering", role: "approver"}.
// Unit and role are set both or neither; the organization (the
// organization domain's aggregate, which holds the units) goes with them.
const (
	PropAssigneeOrg  = "assignee.organization"
	PropAssigneeUnit = "assignee.organization_unit"
	PropAssigneeRole = "assignee.role"
)

// MaxCandidates bounds the people one approval may be assigned to.
const MaxCandidates = 1000

// Assignee is the role whose holders may decide an approval step: Role in
// the organization unit Unit (the unit's aggregate ID in the organization
// domain).
type Assignee struct {
	Org  string `json:"organization"`
	Unit string `json:"organization_unit"`
	Role string `json:"role"`
}

// String names the assignment for messages.
func (a Assignee) String() string {
	return fmt.Sprintf("role %q in unit %q of %q", a.Role, a.Unit, a.Org)
}

// assigneeOf reads a node's assignee properties: nil when it has none,
// problems when only one is set, the unit is not a valid aggregate ID, or
// the node is not an approval.
func assigneeOf(n graph.Node) (*Assignee, []Problem) {
	unit, hasUnit := n.Props[PropAssigneeUnit]
	role, hasRole := n.Props[PropAssigneeRole]
	org, hasOrg := n.Props[PropAssigneeOrg]
	if !hasUnit && !hasRole && !hasOrg {
		return nil, nil
	}
	a := &Assignee{Org: org, Unit: unit, Role: role}
	var probs []Problem
	switch {
	case StepKind(n.Kind) != KindApproval:
		probs = append(probs, nodeProblem(n.ID, "%s step has an assignee; only approval steps are assigned", n.Kind))
	case unit == "" || role == "":
		probs = append(probs, nodeProblem(n.ID, "assignee needs both %s and %s (it has %s=%q, %s=%q)",
			PropAssigneeUnit, PropAssigneeRole, PropAssigneeUnit, unit, PropAssigneeRole, role))
	}
	if err := eventstore.CheckToken("organization", org); err != nil {
		probs = append(probs, nodeProblem(n.ID, "assignee: %v (set %s)", err, PropAssigneeOrg))
	}
	return a, probs
}

// assign records who may decide a waiting approval: the holders of its
// role, or, when nobody holds it, that it is unassigned (and why). A
// retried step asks again.
func (f *flow) assign(c AssignApproval) error {
	s, _ := f.def.Step(c.Step)
	if s.Assignee == nil {
		return fmt.Errorf("%w: approval step %q is not assigned to a role", ErrInvalid, c.Step)
	}
	if len(c.Candidates) > MaxCandidates {
		return fmt.Errorf("%w: %d candidates, at most %d", ErrInvalid, len(c.Candidates), MaxCandidates)
	}
	if slices.Contains(c.Candidates, "") {
		return fmt.Errorf("%w: a candidate has an empty ID", ErrInvalid)
	}
	e := Event{Type: EvtApprovalAssigned, Step: c.Step, Org: s.Assignee.Org, Unit: s.Assignee.Unit, Role: s.Assignee.Role,
		Candidates: slices.Compact(slices.Sorted(slices.Values(c.Candidates)))}
	if len(e.Candidates) == 0 {
		e.Type, e.Candidates = EvtApprovalUnassigned, nil
		e.Reason = orDefault(c.Reason, "no one holds "+s.Assignee.String())
	}
	f.emit(e)
	return nil
}

// authorize refuses a decision about an assigned approval unless actor is
// one of its candidates.
func (f *flow) authorize(step, actor string) error {
	s, _ := f.def.Step(step)
	if s.Assignee == nil {
		return nil
	}
	run := f.inst.Steps[step]
	switch {
	case actor == "":
		return fmt.Errorf("%w: step %q is assigned to %s; the command names no actor", ErrUnauthorized, step, s.Assignee)
	case run.Candidates == nil && run.Reason == "":
		return fmt.Errorf("%w: step %q is assigned to %s, whose holders are not known yet", ErrUnauthorized, step, s.Assignee)
	case !slices.Contains(run.Candidates, actor):
		return fmt.Errorf("%w: %q does not hold %s, to which step %q is assigned", ErrUnauthorized, actor, s.Assignee, step)
	}
	return nil
}
