package subject

// Rules are allow and deny patterns for one direction (publish or
// subscribe). As in NATS, an empty Allow list allows everything that Deny
// does not name; deny always wins over allow.
type Rules struct {
	Allow []string `json:"allow,omitempty"`
	Deny  []string `json:"deny,omitempty"`
}

// Permissions are what a client may publish and subscribe to.
type Permissions struct {
	Publish   Rules `json:"publish"`
	Subscribe Rules `json:"subscribe"`
}

// CanPublish reports whether the concrete subject may be published.
func (p Permissions) CanPublish(subject string) bool {
	return ValidateLiteral(subject) == nil && p.Publish.allowsPattern(subject)
}

// CanSubscribe reports whether a subscription on pattern may be made.
//
// The rule: the pattern must lie [Within] one allowed pattern (or Allow is
// empty), and it must not [Overlap] any denied pattern. So a subscription
// is refused as soon as NATS could deliver to it a single subject that
// Deny names; "cim.>" is refused when "cim.secret.>" is denied, even
// though NATS itself would accept the subscription and silently drop the
// denied messages. Refusing up front means a subscriber never receives
// less than its pattern says without being told.
func (p Permissions) CanSubscribe(pattern string) bool {
	return ValidatePattern(pattern) == nil && p.Subscribe.allowsPattern(pattern)
}

// allowsPattern applies the rule of CanSubscribe; for a concrete subject
// it is the rule of CanPublish (within = match, overlap = match).
func (r Rules) allowsPattern(pattern string) bool {
	for _, d := range r.Deny {
		// A malformed deny rule fails closed: it denies everything.
		if ValidatePattern(d) != nil || Overlap(pattern, d) {
			return false
		}
	}
	if len(r.Allow) == 0 {
		return true
	}
	for _, a := range r.Allow {
		if Within(pattern, a) {
			return true
		}
	}
	return false
}

// Validate reports the first malformed pattern in the rules.
func (p Permissions) Validate() error {
	for _, list := range [][]string{p.Publish.Allow, p.Publish.Deny, p.Subscribe.Allow, p.Subscribe.Deny} {
		for _, pat := range list {
			if err := ValidatePattern(pat); err != nil {
				return err
			}
		}
	}
	return nil
}
