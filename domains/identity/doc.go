// Package identity is the identity domain (cim.identity.*): principals
// (people, organizations, services and agents), references to their
// credentials, the claims they hold and whether they are verified.
//
// One aggregate is one principal; its ID is the principal's ID (the
// X-Actor header of other domains' commands names it).
//
//	command                event                   payload
//	register_principal     principal_registered    {kind, name}
//	add_credential_ref     credential_ref_added    {kind, reference}
//	remove_credential_ref  credential_ref_removed  {kind, reference}
//	grant_claim            claim_granted           {role, scope, expires?}
//	revoke_claim           claim_revoked           {role, scope}
//	verify_principal       principal_verified      {}
//	revoke_principal       principal_revoked       {reason?}
//
// A credential reference points at a credential held elsewhere (an OIDC
// subject, a key fingerprint, a vault path); the domain never stores a
// secret, and refuses kinds such as "password" that would be one. A
// revoked principal is final: every further command is refused (400), and
// it holds no active claims. Claims of an unverified principal count; a
// caller that needs verification checks the principal's state too.
//
// Queries: get, active_claims {at?} and has_claim {role, scope, at?}
// (at is RFC 3339, default now); the view principals {kind?, state?}
// lists every principal.
package identity
