package person

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

var (
	word  = rapid.StringMatching(`[A-Za-z][a-z']{0,8}`)
	words = rapid.StringMatching(`[A-Za-z0-9][A-Za-z0-9 ,.\\-]{0,20}[A-Za-z0-9]`)
	ids   = rapid.StringMatching(`person-[a-z]{1,6}`)
)

// genPerson draws a valid person whose contact points come grouped by
// kind (emails, phones, addresses), the order vCard import gives back.
func genPerson(t *rapid.T) Person {
	id := ids.Draw(t, "id")
	p := &Person{}
	if _, err := register(p, id, Register{Name: Name{Given: word.Draw(t, "given"), Family: word.Draw(t, "family"), Display: words.Draw(t, "display")}}); err != nil {
		t.Fatalf("generated name refused: %v", err)
	}
	for _, c := range rapid.SliceOfN(rapid.Custom(genContact), 0, 4).Draw(t, "contacts") {
		_, _ = addContact(p, id, c) // duplicates are skipped
	}
	slices.SortStableFunc(p.Contacts, func(a, b Contact) int { return kindOrder(a.Kind) - kindOrder(b.Kind) })
	for range rapid.IntRange(0, 3).Draw(t, "relations") {
		_, _ = relate(p, id, Relation{Type: rapid.SampledFrom([]string{ManagerOf, MentorOf, Colleague, "friend"}).Draw(t, "type"), To: ids.Draw(t, "to")})
	}
	for range rapid.IntRange(0, 3).Draw(t, "skills") {
		_, _ = addSkill(p, id, Skill{Name: words.Draw(t, "skill"), Level: rapid.IntRange(1, 5).Draw(t, "level")})
	}
	return *p
}

func kindOrder(k string) int { return strings.Index("email phone address", k) }

func genContact(t *rapid.T) Contact {
	switch rapid.IntRange(0, 2).Draw(t, "kind") {
	case 0:
		return Contact{Kind: Email, Value: rapid.StringMatching(`[a-z0-9.]{1,8}@[a-z]{1,8}\.(org|com)`).Draw(t, "email")}
	case 1:
		return Contact{Kind: Phone, Value: rapid.StringMatching(`\+[1-9][0-9]{1,3} [0-9]{3,4} [0-9]{4}`).Draw(t, "phone")}
	}
	return Contact{Kind: Post, Address: Address{Street: words.Draw(t, "street"), Locality: word.Draw(t, "locality"), Country: word.Draw(t, "country")}}
}

// Any valid people survive export to vCard and import unchanged.
func TestVCardRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		people := rapid.SliceOfN(rapid.Custom(genPerson), 0, 4).Draw(t, "people")
		data, err := EncodeVCards(people)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeVCards(data)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if !reflect.DeepEqual(back, people) && !(len(back) == 0 && len(people) == 0) {
			t.Fatalf("round trip differs:\n%+v\n%+v\n%s", back, people, data)
		}
	})
}

// The company exports as vCard 4.0 with the documented properties, and
// imports back as itself.
func TestCompanyAsVCards(t *testing.T) {
	data, err := EncodeVCards(Company())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"VERSION:4.0", "UID:urn:cim:person:person-ada", "FN:Ada Lovelace", "N:Lovelace;Ada;;;",
		"EMAIL:ada@example.com", "TEL:+44 20 7946 0001", "ADR:;;1 Harbour Road;Arlington;VA;22201;USA",
		"RELATED;TYPE=manager_of:urn:cim:person:person-grace", "X-SKILL;LEVEL=5:cobol"} {
		if !strings.Contains(string(data), want+"\r\n") {
			t.Errorf("no %q in\n%s", want, data)
		}
	}
	back, err := DecodeVCards(data)
	if err != nil || !reflect.DeepEqual(back, Company()) {
		t.Fatalf("import: %v\n%+v", err, back)
	}
}

// Cards that make no valid person fail the import with ErrVCard.
func TestVCardRefusals(t *testing.T) {
	card := func(lines ...string) string {
		return "BEGIN:VCARD\r\nVERSION:4.0\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCARD\r\n"
	}
	for name, in := range map[string]string{
		"no UID":          card("FN:Ada"),
		"UID not a token": card("UID:a b", "FN:Ada"),
		"no name":         card("UID:x"),
		"bad email":       card("UID:x", "FN:Ada", "EMAIL:not-an-email"),
		"self relation":   card("UID:x", "FN:Ada", "RELATED;TYPE=friend:urn:cim:person:x"),
		"untyped":         card("UID:x", "FN:Ada", "RELATED:urn:cim:person:y"),
		"skill level":     card("UID:x", "FN:Ada", "X-SKILL;LEVEL=high:go"),
		"no END":          "BEGIN:VCARD\r\nUID:x\r\nFN:Ada\r\n",
		"no BEGIN":        "UID:x\r\n",
	} {
		if _, err := DecodeVCards([]byte(in)); !errors.Is(err, ErrVCard) {
			t.Errorf("%s: err = %v, want ErrVCard", name, err)
		}
	}
}
