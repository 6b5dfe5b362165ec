// Package company seeds the sample company that a first run of cimviz
// shows: its people (person), their principals (identity), its units and
// roles (organization) and its places (location), all through the
// domains' ordinary commands, so what the editor shows of them is what the
// services decided.
package company

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/location"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/person"
	"github.com/cimviz/cimviz/domains/service"
)

// Organization is the sample organization's aggregate ID.
const Organization = "org-acme"

// Commands are the seed's commands in the order they are sent: people
// first, then their principals, units and places.
func Commands() []message.Command {
	var ids []string
	for _, p := range person.Company() {
		ids = append(ids, p.ID)
	}
	for _, id := range organization.SeedPeople {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	var out []message.Command
	out = append(out, person.Seed()...)
	out = append(out, identity.Seed(ids)...)
	out = append(out, organization.Seed(Organization)...)
	out = append(out, location.Seed()...)
	return out
}

// Seed sends the seed's commands. A seed that was sent before (the first
// command's aggregate exists) is left as it is, so a second run changes
// nothing; a create that finds its aggregate made by another editor
// seeding at the same moment is skipped.
func Seed(ctx context.Context, nc *nats.Conn) error {
	cmds := Commands()
	for i, cmd := range cmds {
		_, err := service.NewClient(nc, cmd.Domain).Send(ctx, cmd)
		switch {
		case err == nil:
		case i == 0 && errors.Is(err, service.ErrConflict):
			return nil // seeded before
		case errors.Is(err, service.ErrConflict):
			continue
		default:
			return fmt.Errorf("seeding the sample company: %s %s %s: %w", cmd.Domain, cmd.Type, cmd.AggregateID, err)
		}
	}
	return nil
}
