package identity

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Query arguments.
type (
	// AtArgs asks about a moment (nil: now).
	AtArgs struct {
		At *time.Time `json:"at,omitempty"`
	}
	HasClaimArgs struct {
		Role  string     `json:"role"`
		Scope string     `json:"scope"`
		At    *time.Time `json:"at,omitempty"`
	}
	PrincipalsArgs struct {
		Kind  Kind         `json:"kind,omitempty"`
		State Verification `json:"state,omitempty"`
	}
)

// Query answers.
type (
	PrincipalAnswer struct {
		*Principal
		Version uint64 `json:"version"`
	}
	ClaimsAnswer struct {
		Claims []Claim `json:"claims"`
	}
	HasClaimAnswer struct {
		Has bool `json:"has"`
	}
	// Summary is one principal in the principals view.
	Summary struct {
		ID    string       `json:"id"`
		Kind  Kind         `json:"kind"`
		Name  string       `json:"name"`
		State Verification `json:"state"`
	}
	PrincipalsAnswer struct {
		Principals []Summary `json:"principals"`
	}
)

// queries are the domain's queries by name.
var queries = map[string]service.Query[*Principal]{
	"get": func(p *Principal, v uint64, _ json.RawMessage) (any, error) { return PrincipalAnswer{p, v}, nil },
	"active_claims": query(func(p *Principal, a AtArgs) (any, error) {
		return ClaimsAnswer{p.ActiveClaims(when(a.At))}, nil
	}),
	"has_claim": query(func(p *Principal, a HasClaimArgs) (any, error) {
		return HasClaimAnswer{p.HasClaim(a.Role, a.Scope, when(a.At))}, nil
	}),
}

func when(at *time.Time) time.Time {
	if at == nil {
		return time.Now()
	}
	return *at
}

// query decodes a query's arguments strictly; bad arguments are a 400.
func query[A any](answer func(*Principal, A) (any, error)) service.Query[*Principal] {
	return func(p *Principal, _ uint64, args json.RawMessage) (any, error) {
		var a A
		if err := decode(args, &a, true); err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		return answer(p, a)
	}
}

// principalsView lists the principals, by ID, from the domain's whole
// event log (read at each request: fine for a directory of thousands).
func principalsView(store eventstore.Store) service.View {
	return func(ctx context.Context, args json.RawMessage) (any, error) {
		var a PrincipalsArgs
		if err := decode(args, &a, true); err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		all, err := replay(ctx, store)
		if err != nil {
			return nil, err
		}
		return PrincipalsAnswer{filter(all, a)}, nil
	}
}

// replay folds every stored event into its principal.
func replay(ctx context.Context, store eventstore.Store) (map[string]*Principal, error) {
	all := map[string]*Principal{}
	err := store.Read(ctx, 0, "", func(ev message.Event) error {
		p := all[ev.AggregateID]
		if p == nil {
			p = &Principal{}
			all[ev.AggregateID] = p
		}
		Apply(p, ev)
		return nil
	})
	return all, err
}

func filter(all map[string]*Principal, a PrincipalsArgs) []Summary {
	out := []Summary{}
	for _, p := range all {
		if (a.Kind == "" || p.Kind == a.Kind) && (a.State == "" || p.State == a.State) {
			out = append(out, Summary{ID: p.ID, Kind: p.Kind, Name: p.Name, State: p.State})
		}
	}
	slices.SortFunc(out, func(x, y Summary) int { return cmp.Compare(x.ID, y.ID) })
	return out
}
