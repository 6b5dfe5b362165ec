package organization

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/domains/message"
)

// SCIM 2.0 schema URNs (RFC 7643, RFC 7644).
const (
	SchemaUser  = "urn:ietf:params:scim:schemas:core:2.0:User"
	SchemaGroup = "urn:ietf:params:scim:schemas:core:2.0:Group"
	SchemaList  = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
)

// MaxSCIMResources bounds one SCIM document.
const MaxSCIMResources = 10000

// ErrSCIM marks a SCIM document that cannot be read or imported.
var ErrSCIM = errors.New("bad SCIM document")

// User is the part of a SCIM core User this domain reads and writes.
type User struct {
	Schemas     []string  `json:"schemas"`
	ID          string    `json:"id"`
	UserName    string    `json:"userName"`
	Name        *UserName `json:"name,omitempty"`
	DisplayName string    `json:"displayName,omitempty"`
	Emails      []Email   `json:"emails,omitempty"`
}

// UserName is a SCIM User's name.
type UserName struct {
	Formatted  string `json:"formatted,omitempty"`
	FamilyName string `json:"familyName,omitempty"`
	GivenName  string `json:"givenName,omitempty"`
}

// Email is one of a SCIM User's e-mail addresses.
type Email struct {
	Value   string `json:"value"`
	Type    string `json:"type,omitempty"`
	Primary bool   `json:"primary,omitempty"`
}

// Group is a SCIM core Group: a unit.
type Group struct {
	Schemas     []string      `json:"schemas"`
	ID          string        `json:"id"`
	DisplayName string        `json:"displayName"`
	Members     []GroupMember `json:"members,omitempty"`
}

// GroupMember is a User (a person) or a Group (a sub-unit) in a Group.
type GroupMember struct {
	Value   string `json:"value"`
	Ref     string `json:"$ref,omitempty"`
	Display string `json:"display,omitempty"`
	Type    string `json:"type,omitempty"` // User (the default) or Group
}

// Directory is a SCIM document's Users and Groups.
type Directory struct {
	Users  []User
	Groups []Group
}

type listResponse struct {
	Schemas      []string          `json:"schemas"`
	TotalResults int               `json:"totalResults"`
	Resources    []json.RawMessage `json:"Resources"`
}

// DecodeSCIM reads a SCIM ListResponse, a JSON array of resources or one
// resource. It never panics; any defect is an error wrapping ErrSCIM.
func DecodeSCIM(b []byte) (Directory, error) {
	resources, err := resourcesOf(bytes.TrimSpace(b))
	if err != nil {
		return Directory{}, err
	}
	if len(resources) > MaxSCIMResources {
		return Directory{}, fmt.Errorf("%w: %d resources, limit %d", ErrSCIM, len(resources), MaxSCIMResources)
	}
	var d Directory
	for i, raw := range resources {
		if err := d.add(raw); err != nil {
			return Directory{}, fmt.Errorf("%w: resource %d: %w", ErrSCIM, i, err)
		}
	}
	return d, nil
}

func resourcesOf(b []byte) ([]json.RawMessage, error) {
	var out []json.RawMessage
	if len(b) > 0 && b[0] == '[' {
		if err := json.Unmarshal(b, &out); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrSCIM, err)
		}
		return out, nil
	}
	var list listResponse
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSCIM, err)
	}
	if slices.Contains(list.Schemas, SchemaList) {
		return list.Resources, nil
	}
	return []json.RawMessage{b}, nil
}

// add decodes one resource by its schema.
func (d *Directory) add(raw json.RawMessage) error {
	var head struct {
		Schemas []string `json:"schemas"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return err
	}
	switch {
	case slices.Contains(head.Schemas, SchemaGroup):
		var g Group
		if err := json.Unmarshal(raw, &g); err != nil {
			return err
		}
		d.Groups = append(d.Groups, g)
		return checkGroup(g)
	case slices.Contains(head.Schemas, SchemaUser):
		var u User
		if err := json.Unmarshal(raw, &u); err != nil {
			return err
		}
		d.Users = append(d.Users, u)
		return names("user id", u.ID, "userName", u.UserName)
	}
	return fmt.Errorf("schemas %q name neither a User nor a Group", head.Schemas)
}

func checkGroup(g Group) error {
	if err := names("group id", g.ID, "displayName", g.DisplayName); err != nil {
		return err
	}
	for _, m := range g.Members {
		if m.Type != "" && m.Type != "User" && m.Type != "Group" {
			return fmt.Errorf("member %q of group %q has type %q (want User or Group)", m.Value, g.ID, m.Type)
		}
		if err := name("member value", m.Value); err != nil {
			return err
		}
	}
	return nil
}

// ImportCommands are the commands that add d's Groups to organization
// orgID as units (parents first) and their User members as memberships
// with role MemberRole. A group nested in two groups, or in itself, is
// refused. d's Users are not the organization's: send them to the person
// domain.
func ImportCommands(orgID string, d Directory) ([]message.Command, error) {
	parent, err := parents(d.Groups)
	if err != nil {
		return nil, err
	}
	im := importer{org: orgID, parent: parent, done: map[string]bool{}, byID: map[string]Group{}}
	for _, g := range d.Groups {
		im.byID[g.ID] = g
	}
	for _, g := range d.Groups {
		im.visit(g)
	}
	return append(im.units, im.members...), nil
}

// importer orders units parents first (the nesting is acyclic).
type importer struct {
	org            string
	parent         map[string]string
	done           map[string]bool
	byID           map[string]Group
	units, members []message.Command
}

func (im *importer) visit(g Group) {
	if im.done[g.ID] {
		return
	}
	im.done[g.ID] = true
	if p, ok := im.parent[g.ID]; ok {
		im.visit(im.byID[p])
	}
	im.units = append(im.units, seedCommand(im.org, "add_unit", AddUnit{Unit: g.ID, Name: g.DisplayName, Parent: im.parent[g.ID]}))
	for _, m := range g.Members {
		if m.Type != "Group" {
			im.members = append(im.members, seedCommand(im.org, "add_member", Member{Unit: g.ID, Person: m.Value, Role: MemberRole}))
		}
	}
}

// parents maps each nested group to the group it is a member of, and
// refuses unknown, doubly nested and cyclic groups.
func parents(groups []Group) (map[string]string, error) {
	known := map[string]bool{}
	for _, g := range groups {
		if known[g.ID] {
			return nil, fmt.Errorf("%w: group %q twice", ErrSCIM, g.ID)
		}
		known[g.ID] = true
	}
	parent := map[string]string{}
	for _, g := range groups {
		for _, m := range g.Members {
			if m.Type != "Group" {
				continue
			}
			if !known[m.Value] {
				return nil, fmt.Errorf("%w: group %q has unknown group member %q", ErrSCIM, g.ID, m.Value)
			}
			if p, dup := parent[m.Value]; dup && p != g.ID {
				return nil, fmt.Errorf("%w: group %q is in both %q and %q", ErrSCIM, m.Value, p, g.ID)
			}
			parent[m.Value] = g.ID
		}
	}
	return parent, acyclic(parent)
}

func acyclic(parent map[string]string) error {
	for start := range parent {
		id := start
		for range len(parent) + 1 {
			if id = parent[id]; id == "" {
				break
			}
			if id == start {
				return fmt.Errorf("%w: group %q is nested in itself: %w", ErrSCIM, start, ErrCycle)
			}
		}
	}
	return nil
}
