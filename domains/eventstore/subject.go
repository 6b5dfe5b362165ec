package eventstore

import (
	"fmt"
	"strings"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// DefaultMaxPayload is the payload limit of both backends unless an option
// says otherwise.
const DefaultMaxPayload = 1 << 20

// Subject is where an event lives: cim.<domain>.evt.<aggregate-id>.<type>.
func Subject(domain, aggregateID, typ string) string {
	return message.EventSubject(domain, aggregateID, typ)
}

// DomainSubjects is the pattern for all of a domain's events.
func DomainSubjects(domain string) string { return subject.Events(domain) }

// AggregateSubjects is the pattern for all of one aggregate's events.
func AggregateSubjects(domain, aggregateID string) string {
	return subject.AggregateEvents(domain, aggregateID)
}

// CheckToken reports, as ErrInvalid, a name that cannot be one subject
// token (see subject.ValidateToken).
func CheckToken(role, tok string) error {
	if err := subject.ValidateToken(role, tok); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}

// CheckFilter reports, as ErrInvalid, a filter that is not a valid NATS
// subject pattern ("" is valid and means everything).
func CheckFilter(filter string) error {
	if filter == "" {
		return nil
	}
	if err := subject.ValidatePattern(filter); err != nil {
		return fmt.Errorf("%w: filter: %w", ErrInvalid, err)
	}
	return nil
}

// Match reports whether subj matches the NATS pattern: '*' matches one
// token, a final '>' one or more tokens, "" everything. It is the stores'
// fast path: it neither validates nor allocates, and for a valid pattern
// and subject it agrees with subject.Match (a property test checks).
func Match(pattern, subj string) bool {
	if pattern == "" {
		return true
	}
	for {
		pt, prest, pmore := strings.Cut(pattern, ".")
		st, srest, smore := strings.Cut(subj, ".")
		if pt == ">" && !pmore {
			return st != ""
		}
		if pt != "*" && pt != st {
			return false
		}
		if !pmore || !smore {
			return pmore == smore
		}
		pattern, subj = prest, srest
	}
}
