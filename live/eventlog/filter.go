package eventlog

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/cimviz/cimviz/domains/subject"
	"github.com/cimviz/cimviz/live/pattern"
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

// Narrows reports whether every entry f passes also passes prev: the same
// subject, the same type or prev had none, and prev's text continued (what
// typing more into a filter box does). Re-filtering then need only look at
// what prev let through.
func (f Filter) Narrows(prev Filter) bool {
	return f.Subject == prev.Subject && (prev.Type == "" || f.Type == prev.Type) && strings.HasPrefix(f.Text, prev.Text)
}

// Match reports whether e passes the filter. A filter that does not
// validate matches nothing.
func (f Filter) Match(e *Entry) bool {
	c, err := f.compile()
	return err == nil && c.match(e)
}

// compiled is a validated filter with its pattern split once, so that
// matching allocates nothing.
type compiled struct {
	f       Filter
	pattern pattern.Pattern // zero: any subject
}

func (f Filter) compile() (compiled, error) {
	if err := f.Validate(); err != nil {
		return compiled{}, err
	}
	c := compiled{f: f}
	if f.Subject != "" {
		c.pattern, _ = pattern.Compile(f.Subject) // validated above
	}
	return c, nil
}

func (c *compiled) match(e *Entry) bool {
	return (c.f.Subject == "" || c.pattern.Match(e.Subject)) &&
		(c.f.Type == "" || c.f.Type == e.Type) &&
		(c.f.Text == "" || hasText(e, c.f.Text))
}

func hasText(e *Entry, text string) bool {
	if containsFold(e.Subject, text) || containsFold(e.Type, text) ||
		containsFold(e.Aggregate, text) || containsFold(bodyText(e.Body), text) {
		return true
	}
	for _, h := range e.Headers {
		if containsFold(h.Value, text) {
			return true
		}
	}
	return false
}

// bodyText views a body as text without copying (bodies in a log are
// never changed).
func bodyText(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// containsFold reports whether sub occurs in s ignoring case (Unicode
// simple folding of same-length runs), without allocating.
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	if c := sub[0]; c < utf8.RuneSelf {
		return containsFoldASCII(s, sub, c)
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

// containsFoldASCII is containsFold for a needle starting with the
// ASCII byte c: candidates are found by one byte compare.
func containsFoldASCII(s, sub string, c byte) bool {
	lo, up := c, c
	if isLetter(rune(c | 0x20)) {
		lo, up = c|0x20, c&^0x20
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if (s[i] == lo || s[i] == up) && strings.EqualFold(s[i:i+len(sub)], sub) {
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
