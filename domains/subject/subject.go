package subject

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInvalid marks a subject, token or pattern that breaks the scheme.
var ErrInvalid = errors.New("invalid subject")

// Root is the first token of every CIM subject.
const Root = "cim"

// Kind is what a subject carries.
type Kind string

// The three kinds of CIM subject, as spelled in the third token.
const (
	KindCommand Kind = "cmd"
	KindQuery   Kind = "qry"
	KindEvent   Kind = "evt"
)

// Subject is a parsed concrete CIM subject. Name is the command, query or
// event name; AggregateID is set for events only.
type Subject struct {
	Domain      string
	Kind        Kind
	AggregateID string
	Name        string
}

// String returns the wire form of s.
func (s Subject) String() string {
	if s.Kind == KindEvent {
		return Root + "." + s.Domain + "." + string(s.Kind) + "." + s.AggregateID + "." + s.Name
	}
	return Root + "." + s.Domain + "." + string(s.Kind) + "." + s.Name
}

// Command returns cim.<domain>.cmd.<command>.
func Command(domain, command string) (string, error) {
	return build(Subject{Domain: domain, Kind: KindCommand, Name: command})
}

// Query returns cim.<domain>.qry.<query>.
func Query(domain, query string) (string, error) {
	return build(Subject{Domain: domain, Kind: KindQuery, Name: query})
}

// Event returns cim.<domain>.evt.<aggregate-id>.<event>.
func Event(domain, aggregateID, event string) (string, error) {
	return build(Subject{Domain: domain, Kind: KindEvent, AggregateID: aggregateID, Name: event})
}

func build(s Subject) (string, error) {
	if err := s.Validate(); err != nil {
		return "", err
	}
	return s.String(), nil
}

// Validate checks every token of s.
func (s Subject) Validate() error {
	if err := ValidateToken("domain", s.Domain); err != nil {
		return err
	}
	if s.Kind == KindEvent {
		if err := ValidateToken("aggregate id", s.AggregateID); err != nil {
			return err
		}
	}
	return ValidateToken(s.Kind.role(), s.Name)
}

func (k Kind) role() string {
	switch k {
	case KindCommand:
		return "command"
	case KindQuery:
		return "query"
	case KindEvent:
		return "event"
	}
	return "name"
}

// Parse takes a concrete CIM subject apart. The error names the bad token.
func Parse(subject string) (Subject, error) {
	toks := strings.Split(subject, ".")
	if len(toks) < 4 || toks[0] != Root {
		return Subject{}, fmt.Errorf("%w: %q: want cim.<domain>.cmd|qry|evt...", ErrInvalid, subject)
	}
	s, err := fromTokens(toks)
	if err == nil {
		err = s.Validate()
	}
	if err != nil {
		return Subject{}, fmt.Errorf("subject %q: %w", subject, err)
	}
	return s, nil
}

func fromTokens(toks []string) (Subject, error) {
	s := Subject{Domain: toks[1], Kind: Kind(toks[2])}
	switch {
	case (s.Kind == KindCommand || s.Kind == KindQuery) && len(toks) == 4:
		s.Name = toks[3]
	case s.Kind == KindEvent && len(toks) == 5:
		s.AggregateID, s.Name = toks[3], toks[4]
	case s.Kind == KindCommand || s.Kind == KindQuery || s.Kind == KindEvent:
		return Subject{}, fmt.Errorf("%w: %d tokens is the wrong count for %q", ErrInvalid, len(toks), toks[2])
	default:
		return Subject{}, fmt.Errorf("%w: kind token %q is not cmd, qry or evt", ErrInvalid, toks[2])
	}
	return s, nil
}

// ValidateToken checks one concrete token; role names it in the error
// ("domain", "command", "aggregate id" ...).
func ValidateToken(role, tok string) error {
	if tok == "" {
		return fmt.Errorf("%w: %s token is empty", ErrInvalid, role)
	}
	if !utf8.ValidString(tok) {
		return fmt.Errorf("%w: %s token %q is not valid UTF-8", ErrInvalid, role, tok)
	}
	for _, r := range tok {
		if why := badRune(r); why != "" {
			return fmt.Errorf("%w: %s token %q contains %s", ErrInvalid, role, tok, why)
		}
	}
	return nil
}

func badRune(r rune) string {
	switch {
	case r == '.':
		return "a '.'"
	case r == '*' || r == '>':
		return fmt.Sprintf("the wildcard %q", r)
	case unicode.IsSpace(r):
		return "whitespace"
	case unicode.IsControl(r):
		return "a control character"
	}
	return ""
}
