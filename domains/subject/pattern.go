package subject

import (
	"fmt"
	"strings"
)

// Wildcard tokens.
const (
	One  = "*" // matches exactly one token
	Rest = ">" // matches one or more trailing tokens
)

// Commands is the pattern of every command of a domain.
func Commands(domain string) string { return Root + "." + domain + ".cmd." + One }

// Queries is the pattern of every query of a domain.
func Queries(domain string) string { return Root + "." + domain + ".qry." + One }

// Events is the pattern of every event of a domain (its stream's subjects).
func Events(domain string) string { return Root + "." + domain + ".evt." + Rest }

// AggregateEvents is the pattern of one aggregate's events.
func AggregateEvents(domain, aggregateID string) string {
	return Root + "." + domain + ".evt." + aggregateID + "." + One
}

// ValidatePattern checks a NATS subject pattern: tokens as in
// [ValidateToken], except that a token may be exactly "*", or exactly ">"
// when it is the last one.
func ValidatePattern(pattern string) error {
	toks := strings.Split(pattern, ".")
	for i, t := range toks {
		if t == One || (t == Rest && i == len(toks)-1) {
			continue
		}
		if t == Rest {
			return fmt.Errorf("%w: pattern %q: '>' must be the last token", ErrInvalid, pattern)
		}
		if err := ValidateToken(fmt.Sprintf("token %d of pattern %q:", i+1, pattern), t); err != nil {
			return err
		}
	}
	return nil
}

// ValidateLiteral checks a concrete subject (any token count, no
// wildcards), as publishing needs.
func ValidateLiteral(subject string) error {
	for i, t := range strings.Split(subject, ".") {
		if err := ValidateToken(fmt.Sprintf("token %d of subject %q:", i+1, subject), t); err != nil {
			return err
		}
	}
	return nil
}

// Match reports whether the concrete subject matches pattern, exactly as
// NATS routes messages. Either argument being invalid means no match.
func Match(pattern, subject string) bool {
	return ValidateLiteral(subject) == nil && ValidatePattern(pattern) == nil &&
		within(split(subject), split(pattern))
}

// Within reports whether every subject pattern inner matches is matched by
// outer too (inner is a subset of outer). Invalid patterns are within
// nothing.
func Within(inner, outer string) bool {
	return ValidatePattern(inner) == nil && ValidatePattern(outer) == nil &&
		within(split(inner), split(outer))
}

// Overlap reports whether some concrete subject matches both patterns (NATS
// calls this a collision).
func Overlap(a, b string) bool {
	return ValidatePattern(a) == nil && ValidatePattern(b) == nil && overlap(split(a), split(b))
}

func split(s string) []string { return strings.Split(s, ".") }

func within(inner, outer []string) bool {
	for i, o := range outer {
		switch {
		case i >= len(inner):
			return false
		case o == Rest:
			return true
		case inner[i] == Rest:
			return false
		case o != One && inner[i] != o:
			return false
		}
	}
	return len(inner) == len(outer)
}

func overlap(a, b []string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		switch {
		case a[i] == Rest || b[i] == Rest:
			return true
		case a[i] != One && b[i] != One && a[i] != b[i]:
			return false
		}
	}
	return len(a) == len(b)
}
