package organization

import (
	"encoding/json"
	"maps"
	"slices"
)

// Export is the organization's active units as SCIM Groups (people as
// User members, sub-units as Group members) and its people as SCIM Users:
// a person found in known is written as given, others with only id and
// userName. Roles are not part of SCIM Groups and are left out.
func Export(o *Org, known []User) Directory {
	d := Directory{Groups: []Group{}, Users: []User{}}
	people := []string{}
	for _, id := range slices.Sorted(maps.Keys(o.Units)) {
		u := o.active(id)
		if u == nil {
			continue
		}
		g := Group{Schemas: []string{SchemaGroup}, ID: u.ID, DisplayName: u.Name, Members: []GroupMember{}}
		for _, p := range u.people() {
			g.Members = append(g.Members, GroupMember{Value: p, Type: "User"})
			people = append(people, p)
		}
		for _, c := range o.children(u.ID) {
			g.Members = append(g.Members, GroupMember{Value: c, Type: "Group"})
		}
		d.Groups = append(d.Groups, g)
	}
	slices.Sort(people)
	for _, p := range slices.Compact(people) {
		d.Users = append(d.Users, userFor(p, known))
	}
	return d
}

func userFor(id string, known []User) User {
	if i := slices.IndexFunc(known, func(u User) bool { return u.ID == id }); i >= 0 {
		return known[i]
	}
	return User{Schemas: []string{SchemaUser}, ID: id, UserName: id}
}

// people are the unit's members, sorted, each once.
func (u *Unit) people() []string {
	out := make([]string, 0, len(u.Members))
	for _, m := range u.Members {
		out = append(out, m.Person)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// EncodeSCIM writes d as a SCIM ListResponse (Users, then Groups).
func EncodeSCIM(d Directory) ([]byte, error) {
	list := listResponse{Schemas: []string{SchemaList}}
	users, err := marshalEach(d.Users)
	if err != nil {
		return nil, err
	}
	groups, err := marshalEach(d.Groups)
	if err != nil {
		return nil, err
	}
	list.Resources = append(users, groups...)
	list.TotalResults = len(list.Resources)
	return json.MarshalIndent(list, "", "  ")
}

func marshalEach[T any](items []T) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(items))
	for _, it := range items {
		raw, err := json.Marshal(it)
		if err != nil {
			return nil, err
		}
		out = append(out, raw)
	}
	return out, nil
}
