package organization

import (
	"slices"
	"time"
)

// Org is one organization's state.
type Org struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Units     map[string]*Unit  `json:"units"`
	ReportsTo map[string]string `json:"reports_to,omitempty"` // person → manager
	History   []Change          `json:"history,omitempty"`
}

// Unit is a part of the organization.
type Unit struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Parent     string       `json:"parent,omitempty"`
	Members    []Membership `json:"members,omitempty"`
	MergedInto string       `json:"merged_into,omitempty"`
}

// Membership is a person holding a role in a unit.
type Membership struct {
	Person string `json:"person"`
	Role   string `json:"role"`
}

// Change is one step in the hierarchy's history: a unit added (To is its
// parent), moved (From, To: old and new parent) or merged (From: the
// merged unit, To: the unit it went into).
type Change struct {
	Version uint64    `json:"version"`
	Time    time.Time `json:"time"`
	Event   string    `json:"event"`
	Unit    string    `json:"unit"`
	From    string    `json:"from,omitempty"`
	To      string    `json:"to,omitempty"`
}

func newOrg() *Org { return &Org{Units: map[string]*Unit{}, ReportsTo: map[string]string{}} }

// active is the unit id when it exists and was not merged away.
func (o *Org) active(id string) *Unit {
	if u := o.Units[id]; u != nil && u.MergedInto == "" {
		return u
	}
	return nil
}

// within reports whether unit id is anc or lies below it.
func (o *Org) within(id, anc string) bool {
	for seen := 0; id != "" && seen <= len(o.Units); seen++ {
		if id == anc {
			return true
		}
		u := o.Units[id]
		if u == nil {
			return false
		}
		id = u.Parent
	}
	return false
}

// managers is the reporting line above person, nearest first.
func (o *Org) managers(person string) []string {
	out := []string{}
	for m := o.ReportsTo[person]; m != "" && len(out) <= len(o.ReportsTo); m = o.ReportsTo[m] {
		out = append(out, m)
	}
	return out
}

// Holders are the people holding role in unit (and, with deep, in the
// units below it), sorted, each once.
func (o *Org) Holders(unit, role string, deep bool) []string {
	out := []string{}
	for _, u := range o.Units {
		if u.ID != unit && (!deep || !o.within(u.ID, unit)) {
			continue
		}
		for _, m := range u.Members {
			if m.Role == role {
				out = append(out, m.Person)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// children are the active units whose parent is id, sorted.
func (o *Org) children(id string) []string {
	out := []string{}
	for _, u := range o.Units {
		if u.Parent == id && u.MergedInto == "" {
			out = append(out, u.ID)
		}
	}
	slices.Sort(out)
	return out
}
