// Package pattern is a NATS subject pattern compiled once, for the live
// views that match every message that arrives against the same few
// patterns: [Pattern.Match] allocates nothing, where
// domains/subject.Match validates and splits both arguments on every
// call. It agrees with domains/subject.Match on every input (a property
// test checks this), using its token rules (subject.ValidateToken) and
// its wildcards. (It would sit well in domains/subject itself.)
package pattern

import (
	"strings"

	"github.com/cimviz/cimviz/domains/subject"
)

// Pattern is a validated NATS subject pattern split into tokens.
type Pattern struct {
	src    string
	tokens []string
}

// Compile validates p (subject.ValidatePattern; errors wrap
// subject.ErrInvalid).
func Compile(p string) (Pattern, error) {
	if err := subject.ValidatePattern(p); err != nil {
		return Pattern{}, err
	}
	return Pattern{src: p, tokens: strings.Split(p, ".")}, nil
}

// String is the pattern as written.
func (p Pattern) String() string { return p.src }

// Match reports whether the concrete subject subj matches, exactly as
// subject.Match(p.String(), subj): subj must be a valid literal, '*'
// matches one token and '>' one or more. The zero Pattern matches
// nothing.
func (p Pattern) Match(subj string) bool {
	if len(p.tokens) == 0 {
		return false
	}
	i, ok, rest := 0, true, false
	for s, more := subj, true; more; i++ {
		var tok string
		tok, s, more = strings.Cut(s, ".")
		if subject.ValidateToken("subject", tok) != nil {
			return false
		}
		switch {
		case !ok || rest:
		case i >= len(p.tokens):
			ok = false
		case p.tokens[i] == subject.Rest:
			rest = true
		case p.tokens[i] != subject.One && p.tokens[i] != tok:
			ok = false
		}
	}
	return ok && (rest || i == len(p.tokens))
}
