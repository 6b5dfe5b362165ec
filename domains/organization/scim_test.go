package organization

import (
	"errors"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
)

const scimDoc = `{
  "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
  "totalResults": 4,
  "Resources": [
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "person-ada", "userName": "ada",
     "name": {"givenName": "Ada", "familyName": "Lovelace"}, "emails": [{"value": "ada@example.com", "type": "work", "primary": true}]},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "platform", "displayName": "Platform",
     "members": [{"value": "person-ada", "type": "User"}, {"value": "person-alan"}]},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "engineering", "displayName": "Engineering",
     "members": [{"value": "platform", "type": "Group"}, {"value": "person-grace", "type": "User"}]},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "sales", "displayName": "Sales"}
  ]
}`

// A SCIM document imports as units (parents first) and memberships.
func TestImportSCIM(t *testing.T) {
	d, err := DecodeSCIM([]byte(scimDoc))
	if err != nil || len(d.Users) != 1 || len(d.Groups) != 3 || d.Users[0].Emails[0].Value != "ada@example.com" {
		t.Fatalf("decoded %+v, %v", d, err)
	}
	cmds, err := ImportCommands("acme", d)
	if err != nil {
		t.Fatal(err)
	}
	create := cmd("create_organization", `{"name":"Acme"}`)
	o := applyAll(t, Domain.New(), append([]message.Command{create}, cmds...)...)
	if o.Units["platform"].Parent != "engineering" || o.Units["sales"].Parent != "" {
		t.Fatalf("hierarchy: platform %+v, sales %+v", o.Units["platform"], o.Units["sales"])
	}
	if got := o.Holders("engineering", MemberRole, true); !slices.Equal(got, []string{"person-ada", "person-alan", "person-grace"}) {
		t.Fatalf("engineering members: %v", got)
	}
}

// Export then import gives back the hierarchy and the people.
func TestExportRoundTrip(t *testing.T) {
	o := seeded(t)
	known := []User{{Schemas: []string{SchemaUser}, ID: "person-ada", UserName: "ada", Name: &UserName{GivenName: "Ada"}}}
	raw, err := EncodeSCIM(Export(o, known))
	if err != nil {
		t.Fatal(err)
	}
	d, err := DecodeSCIM(raw)
	if err != nil || len(d.Users) != len(SeedPeople) || len(d.Groups) != 4 {
		t.Fatalf("decoded %d users, %d groups, %v", len(d.Users), len(d.Groups), err)
	}
	if i := slices.IndexFunc(d.Users, func(u User) bool { return u.ID == "person-ada" }); i < 0 || d.Users[i].Name == nil || d.Users[i].Name.GivenName != "Ada" {
		t.Fatalf("ada lost her name: %+v", d.Users)
	}
	cmds, err := ImportCommands("copy", d)
	if err != nil {
		t.Fatal(err)
	}
	back := applyAll(t, Domain.New(), append([]message.Command{cmd("create_organization", `{"name":"Copy"}`)}, cmds...)...)
	for id, u := range o.Units {
		if back.Units[id] == nil || back.Units[id].Parent != u.Parent || !slices.Equal(back.Units[id].people(), u.people()) {
			t.Fatalf("unit %s: %+v, want %+v", id, back.Units[id], u)
		}
	}
}

// Broken SCIM documents are refused with ErrSCIM.
func TestDecodeSCIMRefuses(t *testing.T) {
	group := func(id, members string) string {
		return `{"schemas":["` + SchemaGroup + `"],"id":"` + id + `","displayName":"x","members":[` + members + `]}`
	}
	for name, doc := range map[string]string{
		"not JSON":        `{`,
		"no schema":       `{"id":"x"}`,
		"user no name":    `{"schemas":["` + SchemaUser + `"],"id":"x"}`,
		"group no name":   `{"schemas":["` + SchemaGroup + `"],"id":"x"}`,
		"odd member type": `[` + group("a", `{"value":"b","type":"Robot"}`) + `]`,
		"empty member":    `[` + group("a", `{"type":"User"}`) + `]`,
	} {
		if _, err := DecodeSCIM([]byte(doc)); !errors.Is(err, ErrSCIM) {
			t.Errorf("%s: err = %v, want ErrSCIM", name, err)
		}
	}
	for name, doc := range map[string]string{
		"cycle":          `[` + group("a", `{"value":"b","type":"Group"}`) + `,` + group("b", `{"value":"a","type":"Group"}`) + `]`,
		"unknown group":  `[` + group("a", `{"value":"z","type":"Group"}`) + `]`,
		"nested twice":   `[` + group("a", `{"value":"c","type":"Group"}`) + `,` + group("b", `{"value":"c","type":"Group"}`) + `,` + group("c", ``) + `]`,
		"group repeated": `[` + group("a", ``) + `,` + group("a", ``) + `]`,
	} {
		d, err := DecodeSCIM([]byte(doc))
		if err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if _, err := ImportCommands("o", d); !errors.Is(err, ErrSCIM) {
			t.Errorf("%s: import err = %v, want ErrSCIM", name, err)
		}
	}
}
