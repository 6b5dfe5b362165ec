package subject

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

var editor = Permissions{
	Publish: Rules{Allow: []string{"cim.*.cmd.*", "cim.*.qry.*"}, Deny: []string{"cim.admin.>"}},
	Subscribe: Rules{
		Allow: []string{"cim.*.evt.>", "_INBOX.>"},
		Deny:  []string{"cim.secrets.evt.>", "cim.users.evt.*.password-set"},
	},
}

func TestCanPublish(t *testing.T) {
	tests := []struct {
		subject string
		want    bool
	}{
		{"cim.graph.cmd.add-node", true},
		{"cim.graph.qry.nodes", true},
		{"cim.admin.cmd.drop", false},     // denied, though allowed
		{"cim.graph.evt.g1.added", false}, // not allowed
		{"cim.graph.cmd.*", false},        // not a concrete subject
		{"cim.graph.cmd.a b", false},
	}
	for _, tt := range tests {
		if got := editor.CanPublish(tt.subject); got != tt.want {
			t.Errorf("CanPublish(%q) = %v, want %v", tt.subject, got, tt.want)
		}
	}
}

func TestCanSubscribe(t *testing.T) {
	tests := []struct {
		pattern string
		want    bool
	}{
		{"cim.graph.evt.>", true},
		{"cim.graph.evt.g1.*", true},
		{"_INBOX.abc", true},
		{"cim.>", false},                   // wider than any allowed pattern
		{"cim.*.evt.>", false},             // overlaps the denied secrets and password-set
		{"cim.secrets.evt.s1.read", false}, // denied
		{"cim.users.evt.u1.*", false},      // could deliver cim.users.evt.u1.password-set
		{"cim.users.evt.u1.renamed", true},
		{"cim.users.evt.>", false},
		{"cim.graph.>.x", false}, // malformed
	}
	for _, tt := range tests {
		if got := editor.CanSubscribe(tt.pattern); got != tt.want {
			t.Errorf("CanSubscribe(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestEmptyAllowAllowsAllButDenied(t *testing.T) {
	p := Permissions{Publish: Rules{Deny: []string{"cim.x.>"}}}
	if !p.CanPublish("cim.y.cmd.a") || p.CanPublish("cim.x.cmd.a") {
		t.Fatal("empty allow list must allow everything except what is denied")
	}
	if !p.CanSubscribe(">") {
		t.Fatal("no subscribe rules must allow every subscription")
	}
}

func TestMalformedDenyRuleFailsClosed(t *testing.T) {
	p := Permissions{Publish: Rules{Deny: []string{"cim.>.x"}}}
	if p.CanPublish("cim.y.cmd.a") {
		t.Fatal("a malformed deny rule must deny, not be ignored")
	}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "cim.>.x") {
		t.Fatalf("Validate = %v, want it to name the bad pattern", err)
	}
}

// Whatever a permitted subscription can receive is a subject the rules
// allow: nothing denied, nothing outside the allow list.
func TestSubscriptionNeverReceivesADeniedSubject(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := Rules{
			Allow: rapid.SliceOfN(patternGen(), 0, 2).Draw(t, "allow"),
			Deny:  rapid.SliceOfN(patternGen(), 0, 2).Draw(t, "deny"),
		}
		p := Permissions{Subscribe: r, Publish: r}
		pat := patternGen().Draw(t, "pattern")
		subj := strings.Join(literalGen().Draw(t, "subject"), ".")
		if p.CanSubscribe(pat) && Match(pat, subj) && !p.CanPublish(subj) {
			t.Fatalf("subscription %q permitted but it receives %q, which the rules refuse", pat, subj)
		}
	})
}
