package person

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cimviz/cimviz/domains/subject"
)

// Sentinels of the person model; the service wraps each in
// service.ErrInvalid, ErrNotFound or ErrConflict.
var (
	ErrBadName     = errors.New("bad name")
	ErrBadContact  = errors.New("bad contact point")
	ErrBadRelation = errors.New("bad relationship")
	ErrBadSkill    = errors.New("bad skill")
	ErrSelf        = errors.New("a person cannot be related to themself")
	ErrDuplicate   = errors.New("already there")
	ErrMissing     = errors.New("not there")
)

// Contact kinds.
const (
	Email = "email"
	Phone = "phone"
	Post  = "address"
)

// Person is one aggregate: a person's name, contact points, outgoing
// relationships and skills.
type Person struct {
	ID        string     `json:"id"`
	Name      Name       `json:"name"`
	Contacts  []Contact  `json:"contacts,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	Skills    []Skill    `json:"skills,omitempty"`
}

// Name is a person's name: the parts (vCard N) and how it is shown (FN).
type Name struct {
	Given   string `json:"given,omitempty"`
	Family  string `json:"family,omitempty"`
	Display string `json:"display,omitempty"`
}

// Contact is one contact point: an email address or phone number in
// Value, or a postal address in Address.
type Contact struct {
	Kind    string  `json:"kind"`
	Value   string  `json:"value,omitempty"`
	Address Address `json:"address,omitzero"`
}

// Address is a postal address (the vCard ADR components that matter).
type Address struct {
	Street     string `json:"street,omitempty"`
	Locality   string `json:"locality,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty"`
}

// Relation is a typed, directed edge from the person to another: Type
// "manager_of" To "person-grace" reads "this person is Grace's manager".
type Relation struct {
	Type string `json:"type"`
	To   string `json:"to"`
}

// Skill is a named skill at a level from 1 (novice) to 5 (expert).
type Skill struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// Relationship types are lower-case tokens; these are the usual ones.
const (
	ManagerOf = "manager_of"
	MentorOf  = "mentor_of"
	Colleague = "colleague"
)

var (
	token     = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)
	phoneForm = regexp.MustCompile(`^\+?[0-9][0-9 ().-]*$`)
)

// maxText bounds every free-text field, in bytes.
const maxText = 200

// clone copies the person so that a change to the copy leaves it alone.
func (p *Person) clone() *Person {
	c := *p
	c.Contacts, c.Relations, c.Skills = slices.Clone(p.Contacts), slices.Clone(p.Relations), slices.Clone(p.Skills)
	return &c
}

// checkText refuses text that is too long, not UTF-8, has control
// characters or (structured, for vCard N and ADR components) a ';'.
func checkText(what, s string, structured bool) error {
	switch {
	case len(s) > maxText:
		return fmt.Errorf("%s is longer than %d bytes", what, maxText)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s is not UTF-8", what)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%s %q has space at an end", what, s)
	case structured && strings.Contains(s, ";"):
		return fmt.Errorf("%s %q holds a ';'", what, s)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%s holds a control character", what)
	}
	return nil
}

// normal fills a missing display name from the parts and checks the name.
func (n Name) normal() (Name, error) {
	if n.Display == "" {
		n.Display = strings.TrimSpace(n.Given + " " + n.Family)
	}
	if n.Display == "" {
		return n, fmt.Errorf("%w: a name needs a display name, a given or a family name", ErrBadName)
	}
	for _, f := range []struct {
		what, v    string
		structured bool
	}{{"given name", n.Given, true}, {"family name", n.Family, true}, {"display name", n.Display, false}} {
		if err := checkText(f.what, f.v, f.structured); err != nil {
			return n, fmt.Errorf("%w: %w", ErrBadName, err)
		}
	}
	return n, nil
}

// check validates a contact point's shape.
func (c Contact) check() error {
	var err error
	switch c.Kind {
	case Email:
		err = checkEmail(c)
	case Phone:
		err = checkPhone(c)
	case Post:
		err = checkAddress(c)
	default:
		err = fmt.Errorf("kind %q, want email, phone or address", c.Kind)
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBadContact, err)
	}
	return nil
}

func checkEmail(c Contact) error {
	a, err := mail.ParseAddress(c.Value)
	if err != nil || a.Address != c.Value || a.Name != "" || c.Address != (Address{}) {
		return fmt.Errorf("%q is not a bare email address (name@example.org)", c.Value)
	}
	return checkText("email", c.Value, false)
}

func checkPhone(c Contact) error {
	digits := 0
	for _, r := range c.Value {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if !phoneForm.MatchString(c.Value) || digits < 5 || digits > 15 || c.Address != (Address{}) {
		return fmt.Errorf("%q is not a phone number (+, then 5 to 15 digits with spaces, dots, dashes or parentheses)", c.Value)
	}
	return nil
}

func checkAddress(c Contact) error {
	a := c.Address
	if a == (Address{}) || c.Value != "" {
		return errors.New("an address contact needs address fields and no value")
	}
	for _, f := range [][2]string{{"street", a.Street}, {"locality", a.Locality}, {"region", a.Region}, {"postal code", a.PostalCode}, {"country", a.Country}} {
		if err := checkText(f[0], f[1], true); err != nil {
			return err
		}
	}
	return nil
}

// check validates a relationship's shape (the harness checks that its
// target exists).
func (r Relation) check(from string) error {
	switch {
	case !token.MatchString(r.Type):
		return fmt.Errorf("%w: type %q, want a lower-case token such as manager_of", ErrBadRelation, r.Type)
	case r.To == "":
		return fmt.Errorf("%w: no person to relate to", ErrBadRelation)
	case r.To == from:
		return ErrSelf
	}
	if err := subject.ValidateToken("person ID", r.To); err != nil {
		return fmt.Errorf("%w: %w", ErrBadRelation, err)
	}
	return nil
}

// check validates a skill.
func (s Skill) check() error {
	if s.Name == "" || s.Level < 1 || s.Level > 5 {
		return fmt.Errorf("%w: %q at level %d, want a name and a level from 1 to 5", ErrBadSkill, s.Name, s.Level)
	}
	if err := checkText("skill", s.Name, false); err != nil {
		return fmt.Errorf("%w: %w", ErrBadSkill, err)
	}
	return nil
}
