package identity

import (
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Domain is the identity domain without its view, ready for
// service.NewEngine; [Servable] adds the principals view over its store.
var Domain = service.Domain[*Principal]{
	Name:        Name,
	Version:     "1.0.0",
	Description: "principals (person, organization, service, agent), credential references, claims and verification",
	New:         func() *Principal { return &Principal{} },
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"register_principal":    {Creates: true, Description: "register a principal: {kind: person|organization|service|agent, name}"},
		"add_credential_ref":    {Description: "reference a credential held elsewhere (never a secret): {kind, reference}"},
		"remove_credential_ref": {Description: "drop a credential reference: {kind, reference}"},
		"grant_claim":           {Description: "grant a role in a scope: {role, scope, expires?: RFC 3339}"},
		"revoke_claim":          {Description: "revoke a claim: {role, scope}"},
		"verify_principal":      {Description: "mark an unverified principal verified: {}"},
		"revoke_principal":      {Description: "revoke a principal for good: {reason?}"},
	},
	Queries: queries,
}

// WithViews is the domain with its principals view reading store.
func WithViews(store eventstore.Store) service.Domain[*Principal] {
	d := Domain
	d.Views = map[string]service.View{"principals": principalsView(store)}
	return d
}

// Servable is the identity domain for `cimviz serve` (its DomainName is
// "identity").
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "identity".
func (Servable) DomainName() string { return Name }

// Start serves the identity domain on nc over store.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	return WithViews(store).Start(nc, store, opts...)
}
