package organization

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// seeded is the Seed company's state, built through Decide and Apply.
func seeded(t testing.TB) *Org {
	t.Helper()
	return applyAll(t, Domain.New(), Seed("acme")...)
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "acme", Payload: json.RawMessage(payload)}
}

type case_ struct {
	name    string
	when    message.Command
	then    string // the event type, or "" for a refusal
	wantErr error
}

// Given the seed company, when a command, then its event or a 400.
func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := Decide(seeded(t), tt.when)
			if tt.then == "" {
				if !errors.Is(err, service.ErrInvalid) || !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want ErrInvalid and %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			raw, _ := json.Marshal(drafts[0].Payload)
			before, _ := json.Marshal(seeded(t))
			after, _ := json.Marshal(Apply(seeded(t), message.Event{Type: drafts[0].Type, Payload: raw}))
			if string(before) == string(after) {
				t.Fatalf("%s left the organization as it was", drafts[0].Type)
			}
		})
	}
}

func accepted() []case_ {
	return []case_{
		{"create", message.Command{Type: "create_organization", Payload: json.RawMessage(`{"name":"Initech"}`)}, "organization_created", nil},
		{"add a unit", cmd("add_unit", `{"unit":"hr","name":"HR","parent":"company"}`), "unit_added", nil},
		{"add a top unit", cmd("add_unit", `{"unit":"board","name":"Board"}`), "unit_added", nil},
		{"move a unit", cmd("move_unit", `{"unit":"platform","parent":"company"}`), "unit_moved", nil},
		{"move a unit to the top", cmd("move_unit", `{"unit":"sales","parent":""}`), "unit_moved", nil},
		{"merge units", cmd("merge_units", `{"from":"platform","into":"sales"}`), "units_merged", nil},
		{"merge a parent into a sibling", cmd("merge_units", `{"from":"engineering","into":"sales"}`), "units_merged", nil},
		{"add a member", cmd("add_member", `{"unit":"sales","person":"person-ada","role":"approver"}`), "member_added", nil},
		{"remove a member", cmd("remove_member", `{"unit":"sales","person":"person-ken","role":"approver"}`), "member_removed", nil},
		{"set a reporting line", cmd("set_reporting_line", `{"person":"person-ken","manager":"person-barbara"}`), "reporting_line_set", nil},
		{"remove a reporting line", cmd("remove_reporting_line", `{"person":"person-ken"}`), "reporting_line_removed", nil},
	}
}

func refused() []case_ {
	return []case_{
		{"no name", cmd("create_organization", `{}`), "", ErrBadName},
		{"typo", cmd("add_unit", `{"unit":"hr","nam":"HR"}`), "", ErrPayload},
		{"trailing data", cmd("add_unit", `{"unit":"hr","name":"HR"} {}`), "", ErrPayload},
		{"unknown command", cmd("explode", `{}`), "", service.ErrInvalid},
		{"duplicate unit", cmd("add_unit", `{"unit":"sales","name":"Sales"}`), "", ErrDuplicate},
		{"unknown parent", cmd("add_unit", `{"unit":"hr","name":"HR","parent":"nowhere"}`), "", ErrUnknown},
		{"move under itself", cmd("move_unit", `{"unit":"engineering","parent":"engineering"}`), "", ErrCycle},
		{"move under a descendant", cmd("move_unit", `{"unit":"company","parent":"platform"}`), "", ErrCycle},
		{"move to where it is", cmd("move_unit", `{"unit":"platform","parent":"engineering"}`), "", ErrUnchanged},
		{"merge into itself", cmd("merge_units", `{"from":"sales","into":"sales"}`), "", ErrCycle},
		{"merge into a descendant", cmd("merge_units", `{"from":"engineering","into":"platform"}`), "", ErrCycle},
		{"merge an unknown unit", cmd("merge_units", `{"from":"hr","into":"sales"}`), "", ErrUnknown},
		{"member of an unknown unit", cmd("add_member", `{"unit":"hr","person":"person-ada","role":"manager"}`), "", ErrUnknown},
		{"duplicate membership", cmd("add_member", `{"unit":"sales","person":"person-ken","role":"approver"}`), "", ErrDuplicate},
		{"membership without a role", cmd("add_member", `{"unit":"sales","person":"person-ken"}`), "", ErrBadName},
		{"remove a missing membership", cmd("remove_member", `{"unit":"sales","person":"person-ada","role":"approver"}`), "", ErrUnknown},
		{"report to oneself", cmd("set_reporting_line", `{"person":"person-ada","manager":"person-ada"}`), "", ErrCycle},
		{"report to a report", cmd("set_reporting_line", `{"person":"person-barbara","manager":"person-alan"}`), "", ErrCycle},
		{"same reporting line", cmd("set_reporting_line", `{"person":"person-ada","manager":"person-barbara"}`), "", ErrUnchanged},
		{"reporting line without a manager", cmd("set_reporting_line", `{"person":"person-ada"}`), "", ErrBadName},
		{"remove a missing line", cmd("remove_reporting_line", `{"person":"person-barbara"}`), "", ErrUnknown},
	}
}

// A merge moves members and sub-units, keeps the merged unit as history,
// and later commands on the merged unit are refused.
func TestMergeKeepsHistory(t *testing.T) {
	o := applyAll(t, seeded(t), cmd("merge_units", `{"from":"engineering","into":"sales"}`))
	if got := o.Holders("sales", ManagerRole, false); !slices.Equal(got, []string{"person-ada", "person-margaret"}) {
		t.Fatalf("sales managers after merge: %v", got)
	}
	if o.Units["platform"].Parent != "sales" || o.Units["engineering"].MergedInto != "sales" || len(o.Units["engineering"].Members) != 0 {
		t.Fatalf("after merge: platform %+v, engineering %+v", o.Units["platform"], o.Units["engineering"])
	}
	last := o.History[len(o.History)-1]
	if last.Event != "units_merged" || last.Unit != "engineering" || last.To != "sales" || last.Version == 0 {
		t.Fatalf("last change %+v", last)
	}
	if _, err := Decide(o, cmd("add_member", `{"unit":"engineering","person":"p","role":"r"}`)); !errors.Is(err, ErrUnknown) {
		t.Fatalf("member of a merged unit: err = %v", err)
	}
}

// A move records where the unit came from.
func TestMoveRecordsFrom(t *testing.T) {
	o := applyAll(t, seeded(t), cmd("move_unit", `{"unit":"platform","parent":"sales"}`))
	last := o.History[len(o.History)-1]
	if last.Event != "unit_moved" || last.From != "engineering" || last.To != "sales" {
		t.Fatalf("last change %+v", last)
	}
}

// Holders are a unit's own, or with sub-units, everyone below it.
func TestHolders(t *testing.T) {
	o := seeded(t)
	if got := o.Holders("engineering", ManagerRole, false); !slices.Equal(got, []string{"person-ada"}) {
		t.Fatalf("engineering managers: %v", got)
	}
	if got := o.Holders("engineering", ManagerRole, true); !slices.Equal(got, []string{"person-ada", "person-grace"}) {
		t.Fatalf("engineering managers with sub-units: %v", got)
	}
	if got := o.Holders("company", ApproverRole, true); !slices.Equal(got, []string{"person-grace", "person-ken"}) {
		t.Fatalf("approvers anywhere: %v", got)
	}
}

// applyAll decides and applies each command in turn (versions from 1).
func applyAll(t testing.TB, o *Org, cmds ...message.Command) *Org {
	t.Helper()
	for i, c := range cmds {
		drafts, err := Decide(o, c)
		if err != nil {
			t.Fatalf("command %d %s %s: %v", i, c.Type, c.Payload, err)
		}
		for _, d := range drafts {
			raw, _ := json.Marshal(d.Payload)
			o = Apply(o, message.Event{Type: d.Type, AggregateID: c.AggregateID, Version: uint64(len(o.History) + i + 1), Payload: raw})
		}
	}
	return o
}
