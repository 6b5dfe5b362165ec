package identity

import (
	"slices"
	"time"
)

// Kind is what a principal is.
type Kind string

// The kinds of principal.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Service      Kind = "service"
	Agent        Kind = "agent"
)

func (k Kind) valid() bool {
	return k == Person || k == Organization || k == Service || k == Agent
}

// Verification is a principal's verification state.
type Verification string

// The verification states; a principal starts unverified.
const (
	Unverified Verification = "unverified"
	Verified   Verification = "verified"
	Revoked    Verification = "revoked"
)

// CredentialRef names a credential held elsewhere: its kind (oidc,
// webauthn, ssh-key, ...) and a reference to it, never the secret.
type CredentialRef struct {
	Kind      string `json:"kind"`
	Reference string `json:"reference"`
}

// Claim is a role held in a scope, until Expires when set.
type Claim struct {
	Role    string     `json:"role"`
	Scope   string     `json:"scope"`
	Expires *time.Time `json:"expires,omitempty"`
}

// activeAt reports whether the claim has not expired at t.
func (c Claim) activeAt(t time.Time) bool { return c.Expires == nil || t.Before(*c.Expires) }

// Principal is one aggregate's state.
type Principal struct {
	ID          string          `json:"id"`
	Kind        Kind            `json:"kind"`
	Name        string          `json:"name"`
	State       Verification    `json:"state"`
	Credentials []CredentialRef `json:"credentials,omitempty"`
	Claims      []Claim         `json:"claims,omitempty"`
}

// ActiveClaims are the claims in force at t: none for a revoked principal.
func (p *Principal) ActiveClaims(t time.Time) []Claim {
	out := []Claim{}
	if p.State == Revoked {
		return out
	}
	for _, c := range p.Claims {
		if c.activeAt(t) {
			out = append(out, c)
		}
	}
	return out
}

// HasClaim reports whether the principal holds role in scope at t.
func (p *Principal) HasClaim(role, scope string, t time.Time) bool {
	return slices.ContainsFunc(p.ActiveClaims(t), func(c Claim) bool { return c.Role == role && c.Scope == scope })
}

// claim is the index of the claim of role in scope, or -1.
func (p *Principal) claim(role, scope string) int {
	return slices.IndexFunc(p.Claims, func(c Claim) bool { return c.Role == role && c.Scope == scope })
}

// credential is the index of the credential reference, or -1.
func (p *Principal) credential(ref CredentialRef) int {
	return slices.Index(p.Credentials, ref)
}
