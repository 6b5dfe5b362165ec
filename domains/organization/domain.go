package organization

import (
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Domain is the organization domain, ready for service.NewEngine or Start.
var Domain = service.Domain[*Org]{
	Name:        Name,
	Version:     "1.0.0",
	Description: "organizations: units in a hierarchy, role memberships, reporting lines; moves and merges keep history",
	New:         newOrg,
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"create_organization":   {Creates: true, Description: "make an organization: {name}"},
		"add_unit":              {Description: "add a unit: {unit, name, parent?}"},
		"move_unit":             {Description: "give a unit a new parent (no cycles): {unit, parent}"},
		"merge_units":           {Description: "merge a unit, its members and sub-units into another: {from, into}"},
		"add_member":            {Description: "give a person a role in a unit: {unit, person, role}"},
		"remove_member":         {Description: "take a role away: {unit, person, role}"},
		"set_reporting_line":    {Description: "say whom a person reports to (no cycles): {person, manager}"},
		"remove_reporting_line": {Description: "drop a person's reporting line: {person}"},
	},
	Queries: queries,
}

// Servable is the organization domain for `cimviz serve` (its DomainName
// is "organization").
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "organization".
func (Servable) DomainName() string { return Name }

// Start serves the organization domain on nc over store.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	return Domain.Start(nc, store, opts...)
}
