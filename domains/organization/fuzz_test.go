package organization

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
)

// acyclicUnits checks the invariants: walking up from any unit ends at
// the top without meeting it again, no active unit's parent is merged away
// or missing, and no one is above themselves in the reporting lines.
func acyclicUnits(o *Org) bool {
	for id, u := range o.Units {
		if u.Parent != "" && o.active(u.Parent) == nil && u.MergedInto == "" {
			return false
		}
		at := u.Parent
		for range len(o.Units) {
			if at == "" {
				break
			}
			if at == id {
				return false
			}
			at = o.Units[at].Parent
		}
	}
	for p := range o.ReportsTo {
		if slices.Contains(o.managers(p), p) {
			return false
		}
	}
	return true
}

// The command decoder never panics, and whatever it accepts keeps the
// hierarchy and the reporting lines free of cycles.
func FuzzDecide(f *testing.F) {
	for _, c := range Seed("acme") {
		f.Add(c.Type, string(c.Payload))
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"unit":1}`, `{"unit":"company","parent":"platform"}`,
		`{"from":"engineering","into":"platform"}`, `{"person":"person-barbara","manager":"person-alan"}`} {
		for _, typ := range slices.Sorted(maps.Keys(rules)) {
			f.Add(typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, typ, payload string) {
		o := seeded(t)
		drafts, err := Decide(o, message.Command{Type: typ, Payload: []byte(payload)})
		if err != nil {
			return
		}
		o = applyAll(t, o, message.Command{Type: typ, Payload: []byte(payload)})
		if !acyclicUnits(o) {
			t.Fatalf("%s %s accepted (%v), organization now has a cycle", typ, payload, drafts)
		}
	})
}

// The SCIM decoder and importer never panic; what they accept imports
// into an organization without a refusal of its hierarchy.
func FuzzDecodeSCIM(f *testing.F) {
	f.Add(scimDoc)
	raw, err := EncodeSCIM(Export(seeded(f), nil))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw))
	for _, s := range []string{``, `[]`, `{`, `null`, `[null]`, `{"schemas":["` + SchemaGroup + `"],"id":"a","displayName":"a","members":[{"value":"a","type":"Group"}]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		d, err := DecodeSCIM([]byte(doc))
		if err != nil {
			return
		}
		cmds, err := ImportCommands("o", d)
		if err != nil {
			return
		}
		o := Domain.New()
		for _, c := range cmds {
			if c.Type == "add_unit" {
				o = applyAll(t, o, c)
			}
		}
		if !acyclicUnits(o) {
			t.Fatalf("import made a cycle: %s", doc)
		}
	})
}
