package policy

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Domain is the policy domain without its views, ready for
// service.NewEngine; [Servable] adds the views.
var Domain = service.Domain[*Policy]{
	Name:        Name,
	Version:     "1.0.0",
	Description: "policies: CEL rules over command, actor and state that the harness enforces before deciding",
	New:         func() *Policy { return &Policy{} },
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"define_policy":   {Creates: true, Description: "make a policy: {name, description?, domain, commands?, effect: deny|allow, rule: CEL}"},
		"change_rule":     {Description: "replace the rule: {rule, effect?}"},
		"retarget_policy": {Description: "apply to other commands: {domain, commands?}"},
		"disable_policy":  {Description: "stop enforcing: {reason?}"},
		"enable_policy":   {Description: "enforce again: {}"},
		"delete_policy":   {Description: "delete for good: {reason?}"},
	},
	Queries: queries,
}

// WithViews is the domain with its policies view reading book and its
// trace views reading traces.
func WithViews(book *Book, traces *TraceLog) service.Domain[*Policy] {
	d := Domain
	d.Views = views(book, traces)
	return d
}

// Servable is the policy domain for `cimviz serve` (DomainName "policy").
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "policy".
func (Servable) DomainName() string { return Name }

// Start serves the policy domain on nc over store. Its book follows the
// store until the store is closed; the traces enforcers publish are
// collected until nc closes.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	book, err := FollowBook(ctx, store)
	if err != nil {
		return nil, err
	}
	traces := NewTraceLog(0)
	sub, err := Collect(nc, traces)
	if err != nil {
		book.Stop()
		return nil, err
	}
	svc, err := WithViews(book, traces).Start(nc, store, opts...)
	if err != nil {
		_ = sub.Unsubscribe()
		book.Stop()
		return nil, err
	}
	return svc, nil
}
