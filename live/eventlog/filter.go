package eventlog

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cimviz/cimviz/domains/subject"
)

// ErrBadFilter marks a filter whose subject pattern NATS would refuse.
var ErrBadFilter = errors.New("bad filter")

// Filter selects entries; an empty field selects everything, and an entry
// must pass every non-empty field.
type Filter struct {
	// Subject is a NATS subject pattern ('*' one token, '>' the rest),
	// matched exactly as NATS routes messages.
	Subject string
	// Type is an exact event or command type.
	Type string
	// Text is looked for, ignoring case, in the subject, type, aggregate,
	// header values and body.
	Text string
}

// Validate reports a subject pattern NATS would refuse.
func (f Filter) Validate() error {
	if f.Subject == "" {
		return nil
	}
	if err := subject.ValidatePattern(f.Subject); err != nil {
		return fmt.Errorf("%w: %w", ErrBadFilter, err)
	}
	return nil
}

// Match reports whether e passes the filter. A filter that does not
// validate matches nothing.
func (f Filter) Match(e *Entry) bool {
	return (f.Subject == "" || subject.Match(f.Subject, e.Subject)) &&
		(f.Type == "" || f.Type == e.Type) &&
		(f.Text == "" || hasText(e, f.Text))
}

func hasText(e *Entry, text string) bool {
	if containsFold(e.Subject, text) || containsFold(e.Type, text) ||
		containsFold(e.Aggregate, text) || containsFold(string(e.Body), text) {
		return true
	}
	for _, h := range e.Headers {
		if containsFold(h.Value, text) {
			return true
		}
	}
	return false
}

// containsFold reports whether sub occurs in s ignoring case (Unicode
// simple folding of same-length runs), without allocating.
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(sub)
	for i := 0; i+len(sub) <= len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if sameFold(r, first) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// sameFold is a cheap first-rune check: exact for ASCII, and leaves
// anything else to strings.EqualFold.
func sameFold(a, b rune) bool {
	if a == b || a >= utf8.RuneSelf || b >= utf8.RuneSelf {
		return true
	}
	return isLetter(a|0x20) && a|0x20 == b|0x20
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' }
