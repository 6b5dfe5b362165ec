package eventstore

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cimviz/cimviz/domains/message"
)

// DefaultMaxPayload is the payload limit of both backends unless an option
// says otherwise.
const DefaultMaxPayload = 1 << 20

// Subject is where an event lives: cim.<domain>.evt.<aggregate-id>.<type>.
func Subject(domain, aggregateID, typ string) string {
	return message.EventSubject(domain, aggregateID, typ)
}

// DomainSubjects is the pattern for all of a domain's events.
func DomainSubjects(domain string) string { return "cim." + domain + ".evt.>" }

// AggregateSubjects is the pattern for all of one aggregate's events.
func AggregateSubjects(domain, aggregateID string) string {
	return "cim." + domain + ".evt." + aggregateID + ".*"
}

// CheckToken reports a name that cannot be one subject token: empty, or
// holding '.', a wildcard, whitespace or a control character.
func CheckToken(role, tok string) error {
	if tok == "" {
		return fmt.Errorf("%w: empty %s", ErrInvalid, role)
	}
	if i := strings.IndexFunc(tok, badTokenRune); i >= 0 {
		return fmt.Errorf("%w: %s %q has %q at byte %d", ErrInvalid, role, tok, tok[i], i)
	}
	return nil
}

func badTokenRune(r rune) bool {
	return r == '.' || r == '*' || r == '>' || unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar
}

// CheckFilter reports a filter that is not a valid NATS subject pattern
// ("" is valid and means everything).
func CheckFilter(filter string) error {
	if filter == "" {
		return nil
	}
	toks := strings.Split(filter, ".")
	for i, t := range toks {
		if t == "*" || (t == ">" && i == len(toks)-1) {
			continue
		}
		if err := CheckToken("filter token", t); err != nil {
			return fmt.Errorf("filter %q: %w", filter, err)
		}
	}
	return nil
}

// Match reports whether subject matches the NATS pattern: '*' matches one
// token, a final '>' one or more tokens, "" everything. It does not
// allocate.
func Match(pattern, subject string) bool {
	if pattern == "" {
		return true
	}
	for {
		pt, prest, pmore := strings.Cut(pattern, ".")
		st, srest, smore := strings.Cut(subject, ".")
		if pt == ">" && !pmore {
			return st != ""
		}
		if pt != "*" && pt != st {
			return false
		}
		if !pmore || !smore {
			return pmore == smore
		}
		pattern, subject = prest, srest
	}
}
