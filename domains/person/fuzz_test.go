package person

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// valid checks a person's invariant: a name, and every contact point,
// relationship and skill valid, none twice.
func valid(p *Person) error {
	if _, err := p.Name.normal(); err != nil {
		return err
	}
	rebuilt := &Person{ID: p.ID, Name: p.Name}
	for _, c := range p.Contacts {
		if _, err := addContact(rebuilt, p.ID, c); err != nil {
			return err
		}
	}
	for _, r := range p.Relations {
		if _, err := relate(rebuilt, p.ID, r); err != nil {
			return err
		}
	}
	for _, s := range p.Skills {
		if _, err := addSkill(rebuilt, p.ID, s); err != nil {
			return err
		}
	}
	return nil
}

// The command decoder never panics, a refusal is never a 500, and what it
// accepts keeps the person valid.
func FuzzDecide(f *testing.F) {
	for _, c := range Seed()[:12] {
		f.Add(c.Type, string(c.Payload))
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"name":1}`, `{"kind":"email","value":"@"}`, `{"kind":"phone","value":"+"}`,
		`{"type":"x","to":""}`, `{"name":"go","level":-1}`, `{"kind":"address","address":{"street":";"}}`} {
		for _, typ := range slices.Sorted(maps.Keys(rules)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		p := given(ada...)
		drafts, err := known.Decide(p, message.Command{Type: typ, AggregateID: "person-ada", Payload: []byte(payload)})
		if err != nil {
			if service.Code(err) == 500 {
				t.Fatalf("%s %s: %v is a 500", typ, payload, err)
			}
			return
		}
		for _, d := range drafts {
			p = Apply(p, ev(d.Type, d.Payload))
		}
		if err := valid(p); err != nil {
			t.Fatalf("%s %s accepted, person now invalid: %v", typ, payload, err)
		}
	})
}

// The vCard import never panics on any input, and every person it
// returns is valid and exports again.
func FuzzDecodeVCards(f *testing.F) {
	data, err := EncodeVCards(Company())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	for _, s := range []string{"", "BEGIN:VCARD\r\n", "BEGIN:VCARD\nUID:x\nFN:A\nEND:VCARD\n", "BEGIN:VCARD\r\nUID:x\r\nN:;;\r\n X\r\nEND:VCARD",
		"BEGIN:VCARD\r\nUID:x\r\nFN:a\r\nX-SKILL;LEVEL=\"3\":go\r\nEND:VCARD\r\n", "BEGIN:VCARD\r\nA;B=\"\r\nEND:VCARD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		people, err := DecodeVCards([]byte(in))
		if err != nil {
			return
		}
		for i := range people {
			if err := valid(&people[i]); err != nil {
				t.Fatalf("imported an invalid person %+v: %v", people[i], err)
			}
		}
		if _, err := EncodeVCards(people); err != nil {
			t.Fatal(err)
		}
	})
}
