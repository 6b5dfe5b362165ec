package identity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Name is the domain's subject token.
const Name = "identity"

// Refusals; Decide wraps each in service.ErrInvalid.
var (
	ErrPayload   = errors.New("malformed payload")
	ErrBadKind   = errors.New("unknown kind")
	ErrBadName   = errors.New("bad name")
	ErrSecret    = errors.New("a credential reference must not be a secret")
	ErrDuplicate = errors.New("already present")
	ErrUnknown   = errors.New("not present")
	ErrState     = errors.New("not allowed in this state")
)

// Command payloads (events carry the same payloads).
type (
	Register struct {
		Kind Kind   `json:"kind"`
		Name string `json:"name"`
	}
	// ClaimRef names a claim to revoke.
	ClaimRef struct {
		Role  string `json:"role"`
		Scope string `json:"scope"`
	}
	// Revoke may say why a principal is revoked.
	Revoke struct {
		Reason string `json:"reason,omitempty"`
	}
	// Empty is the payload of verify_principal.
	Empty struct{}
)

// rule is one command: its event, its check against the current state and
// the change its event makes.
type rule struct {
	event  string
	decide func(p *Principal, payload json.RawMessage) (any, error)
	apply  func(p *Principal, payload json.RawMessage)
}

// op makes a rule from a typed check and change.
func op[P any](event string, check func(*Principal, P) error, change func(*Principal, P)) rule {
	return rule{
		event: event,
		decide: func(p *Principal, payload json.RawMessage) (any, error) {
			var v P
			if err := decode(payload, &v, true); err != nil {
				return nil, err
			}
			return v, check(p, v)
		},
		apply: func(p *Principal, payload json.RawMessage) {
			var v P
			if decode(payload, &v, false) == nil {
				change(p, v)
			}
		},
	}
}

// rules are the commands by type.
var rules = map[string]rule{
	"register_principal":    op("principal_registered", checkRegister, func(p *Principal, r Register) { p.Kind, p.Name, p.State = r.Kind, r.Name, Unverified }),
	"add_credential_ref":    op("credential_ref_added", checkAddCredential, func(p *Principal, c CredentialRef) { p.Credentials = append(p.Credentials, c) }),
	"remove_credential_ref": op("credential_ref_removed", checkRemoveCredential, removeCredential),
	"grant_claim":           op("claim_granted", checkGrant, func(p *Principal, c Claim) { p.Claims = append(p.Claims, c) }),
	"revoke_claim":          op("claim_revoked", checkRevokeClaim, revokeClaim),
	"verify_principal":      op("principal_verified", checkVerify, func(p *Principal, _ Empty) { p.State = Verified }),
	"revoke_principal":      op("principal_revoked", checkLive[Revoke], func(p *Principal, _ Revoke) { p.State = Revoked }),
}

// Decide checks the command against the principal and names its event.
// It does not change the principal.
func Decide(p *Principal, cmd message.Command) ([]service.Draft, error) {
	r, ok := rules[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the identity domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	payload, err := r.decide(p, cmd.Payload)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", service.ErrInvalid, cmd.Type, err)
	}
	return []service.Draft{{Type: r.event, Payload: payload}}, nil
}

// events are the rules by event type, for Apply.
var events = func() map[string]rule {
	out := make(map[string]rule, len(rules))
	for _, r := range rules {
		out[r.event] = r
	}
	return out
}()

// Apply evolves a principal by one event, in place; an unknown or
// unreadable event leaves it as it is.
func Apply(p *Principal, ev message.Event) *Principal {
	if ev.Type == "principal_registered" {
		p.ID = ev.AggregateID
	}
	if r, ok := events[ev.Type]; ok {
		r.apply(p, ev.Payload)
	}
	return p
}

func checkRegister(_ *Principal, r Register) error {
	if !r.Kind.valid() {
		return fmt.Errorf("%w: principal kind %q (want person, organization, service or agent)", ErrBadKind, r.Kind)
	}
	return checkText("name", r.Name, 200)
}

// checkLive refuses any change to a revoked principal.
func checkLive[P any](p *Principal, _ P) error {
	if p.State == Revoked {
		return fmt.Errorf("%w: principal %q is revoked", ErrState, p.ID)
	}
	return nil
}

func checkVerify(p *Principal, _ Empty) error {
	if p.State != Unverified {
		return fmt.Errorf("%w: principal %q is %s, not unverified", ErrState, p.ID, p.State)
	}
	return nil
}

var credentialKind = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)

// secretKinds are kinds that would hold a secret rather than point at one.
var secretKinds = []string{"password", "secret", "private-key", "private_key", "token"}

func checkAddCredential(p *Principal, c CredentialRef) error {
	if err := checkCredential(p, c); err != nil {
		return err
	}
	if p.credential(c) >= 0 {
		return fmt.Errorf("%w: credential %s %q", ErrDuplicate, c.Kind, c.Reference)
	}
	return nil
}

func checkCredential(p *Principal, c CredentialRef) error {
	if err := checkLive(p, c); err != nil {
		return err
	}
	if !credentialKind.MatchString(c.Kind) {
		return fmt.Errorf("%w: credential kind %q (want a lower-case token)", ErrBadKind, c.Kind)
	}
	if slices.Contains(secretKinds, c.Kind) {
		return fmt.Errorf("%w: kind %q", ErrSecret, c.Kind)
	}
	if strings.IndexFunc(c.Reference, unicode.IsSpace) >= 0 {
		return fmt.Errorf("%w: a credential reference has no spaces", ErrBadName)
	}
	return checkText("reference", c.Reference, 512)
}

func checkRemoveCredential(p *Principal, c CredentialRef) error {
	if err := checkLive(p, c); err != nil {
		return err
	}
	if p.credential(c) < 0 {
		return fmt.Errorf("%w: credential %s %q", ErrUnknown, c.Kind, c.Reference)
	}
	return nil
}

func removeCredential(p *Principal, c CredentialRef) {
	if i := p.credential(c); i >= 0 {
		p.Credentials = slices.Delete(p.Credentials, i, i+1)
	}
}

func checkGrant(p *Principal, c Claim) error {
	if err := checkLive(p, c); err != nil {
		return err
	}
	if err := checkText("role", c.Role, 128); err != nil {
		return err
	}
	if err := checkText("scope", c.Scope, 256); err != nil {
		return err
	}
	if p.claim(c.Role, c.Scope) >= 0 {
		return fmt.Errorf("%w: claim %s in %s (revoke it first)", ErrDuplicate, c.Role, c.Scope)
	}
	return nil
}

func checkRevokeClaim(p *Principal, c ClaimRef) error {
	if err := checkLive(p, c); err != nil {
		return err
	}
	if p.claim(c.Role, c.Scope) < 0 {
		return fmt.Errorf("%w: claim %s in %s", ErrUnknown, c.Role, c.Scope)
	}
	return nil
}

func revokeClaim(p *Principal, c ClaimRef) {
	if i := p.claim(c.Role, c.Scope); i >= 0 {
		p.Claims = slices.Delete(p.Claims, i, i+1)
	}
}

// checkText refuses an empty, overlong or non-printable text.
func checkText(what, s string, limit int) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: empty %s", ErrBadName, what)
	case len(s) > limit:
		return fmt.Errorf("%w: %s of %d bytes, limit %d", ErrBadName, what, len(s), limit)
	case strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return fmt.Errorf("%w: %s has unprintable characters", ErrBadName, what)
	}
	return nil
}

// decode reads a payload; strictly (commands), unknown fields are refused.
// Empty is {}.
func decode(payload json.RawMessage, into any, strict bool) error {
	if len(bytes.TrimSpace(payload)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value", ErrPayload)
	}
	return nil
}
