package organization

import (
	"encoding/json"

	"github.com/cimviz/cimviz/domains/message"
)

// SeedPeople are the person IDs of the [Seed] company.
var SeedPeople = []string{"person-barbara", "person-ada", "person-grace", "person-alan", "person-linus", "person-margaret", "person-ken"}

// Roles used by the seed company.
const (
	MemberRole   = "member"
	ManagerRole  = "manager"
	ApproverRole = "approver"
)

// Seed returns the commands, in order, that build a small company as
// organization orgID: units company > engineering > platform and
// company > sales, managers and approvers in each, and reporting lines
// up to person-barbara.
func Seed(orgID string) []message.Command {
	cmds := []message.Command{seedCommand(orgID, "create_organization", Create{Name: "Acme"})}
	for _, u := range []AddUnit{{"company", "Acme", ""}, {"engineering", "Engineering", "company"}, {"platform", "Platform", "engineering"}, {"sales", "Sales", "company"}} {
		cmds = append(cmds, seedCommand(orgID, "add_unit", u))
	}
	for _, m := range []Member{
		{"company", "person-barbara", ManagerRole}, {"engineering", "person-ada", ManagerRole}, {"engineering", "person-grace", ApproverRole},
		{"platform", "person-alan", MemberRole}, {"platform", "person-linus", MemberRole}, {"platform", "person-grace", ManagerRole},
		{"sales", "person-margaret", ManagerRole}, {"sales", "person-ken", ApproverRole},
	} {
		cmds = append(cmds, seedCommand(orgID, "add_member", m))
	}
	for _, r := range []ReportingLine{{"person-ada", "person-barbara"}, {"person-margaret", "person-barbara"}, {"person-grace", "person-ada"},
		{"person-alan", "person-grace"}, {"person-linus", "person-grace"}, {"person-ken", "person-margaret"}} {
		cmds = append(cmds, seedCommand(orgID, "set_reporting_line", r))
	}
	return cmds
}

func seedCommand(orgID, typ string, payload any) message.Command {
	raw, _ := json.Marshal(payload)
	return message.NewCommand(Name, typ, orgID, raw)
}
