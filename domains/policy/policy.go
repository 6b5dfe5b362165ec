package policy

import "slices"

// Effect is what a policy does with a command its rule judges.
type Effect string

// The effects.
const (
	// Deny refuses the command when the rule is true.
	Deny Effect = "deny"
	// Allow refuses the command unless the rule is true (allow-only).
	Allow Effect = "allow"
)

func (e Effect) valid() bool { return e == Deny || e == Allow }

// Target is what a policy applies to: commands of one domain.
type Target struct {
	Domain string `json:"domain"`
	// Commands are command types; empty means every command.
	Commands []string `json:"commands,omitempty"`
}

// Covers reports whether the target takes in a command of domain.
func (t Target) Covers(domain, command string) bool {
	return t.Domain == domain && (len(t.Commands) == 0 || slices.Contains(t.Commands, command))
}

// Policy is one aggregate's state.
type Policy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Target
	Effect  Effect `json:"effect"`
	Rule    string `json:"rule"`
	Enabled bool   `json:"enabled"`
	Deleted bool   `json:"deleted,omitempty"`
}

// Active reports whether the policy is enforced.
func (p *Policy) Active() bool { return p.Enabled && !p.Deleted && p.Rule != "" }
