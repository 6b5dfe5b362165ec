package person

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/emersion/go-vcard"

	"github.com/cimviz/cimviz/domains/subject"
)

// The vCard 4.0 (RFC 6350) mapping of a person:
//
//	UID        urn:cim:person:<id>
//	KIND       individual
//	FN         Name.Display
//	N          Name.Family;Name.Given;;;
//	EMAIL      an email contact point
//	TEL        a phone contact point
//	ADR        ;;street;locality;region;postal code;country
//	RELATED    a relationship: RELATED;TYPE=<type>:urn:cim:person:<to>
//	X-SKILL    a skill: X-SKILL;LEVEL=<1..5>:<name>
//
// Other properties are ignored on import. A RELATED or UID value without
// the urn:cim:person: prefix is taken as the person ID itself.
const (
	uidPrefix  = "urn:cim:person:"
	fieldSkill = "X-SKILL"
	paramLevel = "LEVEL"
)

// maxCards bounds one import.
const maxCards = 10000

// ErrVCard marks vCard input that is not a card of a valid person.
var ErrVCard = errors.New("bad vCard")

// EncodeVCards writes people as vCard 4.0 text, one card each, in order.
func EncodeVCards(people []Person) ([]byte, error) {
	var buf bytes.Buffer
	enc := vcard.NewEncoder(&buf)
	for _, p := range people {
		if err := enc.Encode(ToCard(p)); err != nil {
			return nil, fmt.Errorf("vcard of %s: %w", p.ID, err)
		}
	}
	return buf.Bytes(), nil
}

// ToCard is one person's vCard.
func ToCard(p Person) vcard.Card {
	c := vcard.Card{}
	c.SetValue(vcard.FieldVersion, "4.0")
	c.SetValue(vcard.FieldUID, uidPrefix+p.ID)
	c.SetKind(vcard.KindIndividual)
	c.SetValue(vcard.FieldFormattedName, p.Name.Display)
	if p.Name.Given != "" || p.Name.Family != "" {
		c.SetName(&vcard.Name{GivenName: p.Name.Given, FamilyName: p.Name.Family})
	}
	for _, k := range p.Contacts {
		addContactField(c, k)
	}
	for _, r := range p.Relations {
		c.Add(vcard.FieldRelated, &vcard.Field{Value: uidPrefix + r.To, Params: vcard.Params{vcard.ParamType: {r.Type}}})
	}
	for _, s := range p.Skills {
		c.Add(fieldSkill, &vcard.Field{Value: s.Name, Params: vcard.Params{paramLevel: {strconv.Itoa(s.Level)}}})
	}
	return c
}

func addContactField(c vcard.Card, k Contact) {
	switch k.Kind {
	case Email:
		c.AddValue(vcard.FieldEmail, k.Value)
	case Phone:
		c.AddValue(vcard.FieldTelephone, k.Value)
	case Post:
		a := k.Address
		c.AddAddress(&vcard.Address{StreetAddress: a.Street, Locality: a.Locality, Region: a.Region, PostalCode: a.PostalCode, Country: a.Country})
	}
}

// DecodeVCards reads vCard text into people, each checked by the same
// rules as the commands that would build it. Any card that does not make
// a valid person fails the whole import with ErrVCard.
func DecodeVCards(data []byte) ([]Person, error) {
	dec := vcard.NewDecoder(bytes.NewReader(data))
	var out []Person
	for {
		card, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: card %d: %w", ErrVCard, len(out)+1, err)
		}
		if len(out) == maxCards {
			return nil, fmt.Errorf("%w: more than %d cards", ErrVCard, maxCards)
		}
		p, err := FromCard(card)
		if err != nil {
			return nil, fmt.Errorf("%w: card %d: %w", ErrVCard, len(out)+1, err)
		}
		out = append(out, p)
	}
}

// FromCard is the person a vCard describes; it needs a UID and a name.
func FromCard(c vcard.Card) (Person, error) {
	id := strings.TrimPrefix(c.Value(vcard.FieldUID), uidPrefix)
	if err := subject.ValidateToken("UID", id); err != nil {
		return Person{}, err
	}
	p := &Person{}
	n := Name{Display: c.Value(vcard.FieldFormattedName)}
	if vn := c.Name(); vn != nil {
		n.Given, n.Family = vn.GivenName, vn.FamilyName
	}
	if _, err := register(p, id, Register{Name: n}); err != nil {
		return Person{}, err
	}
	for _, step := range []func(*Person, vcard.Card) error{cardContacts, cardRelations, cardSkills} {
		if err := step(p, c); err != nil {
			return Person{}, err
		}
	}
	return *p, nil
}

func cardContacts(p *Person, c vcard.Card) error {
	var ks []Contact
	for _, v := range c.Values(vcard.FieldEmail) {
		ks = append(ks, Contact{Kind: Email, Value: v})
	}
	for _, v := range c.Values(vcard.FieldTelephone) {
		ks = append(ks, Contact{Kind: Phone, Value: v})
	}
	for _, a := range c.Addresses() {
		ks = append(ks, Contact{Kind: Post, Address: Address{Street: a.StreetAddress, Locality: a.Locality, Region: a.Region, PostalCode: a.PostalCode, Country: a.Country}})
	}
	for _, k := range ks {
		if _, err := addContact(p, p.ID, k); err != nil {
			return err
		}
	}
	return nil
}

func cardRelations(p *Person, c vcard.Card) error {
	for _, f := range c[vcard.FieldRelated] {
		r := Relation{Type: f.Params.Get(vcard.ParamType), To: strings.TrimPrefix(f.Value, uidPrefix)}
		if _, err := relate(p, p.ID, r); err != nil {
			return err
		}
	}
	return nil
}

func cardSkills(p *Person, c vcard.Card) error {
	for _, f := range c[fieldSkill] {
		level, err := strconv.Atoi(f.Params.Get(paramLevel))
		if err != nil {
			return fmt.Errorf("%w: %s level %q", ErrBadSkill, f.Value, f.Params.Get(paramLevel))
		}
		if _, err := addSkill(p, p.ID, Skill{Name: f.Value, Level: level}); err != nil {
			return err
		}
	}
	return nil
}
