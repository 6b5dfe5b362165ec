package organization

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/domains/service"
)

// Query arguments.
type (
	HoldersArgs struct {
		Unit            string `json:"unit"`
		Role            string `json:"role"`
		IncludeSubUnits bool   `json:"include_sub_units,omitempty"`
	}
	HistoryArgs struct {
		Unit string `json:"unit,omitempty"` // "" for every unit
	}
	ReportingArgs struct {
		Person string `json:"person"`
	}
)

// Query answers.
type (
	OrgAnswer struct {
		*Org
		Version uint64 `json:"version"`
	}
	HoldersAnswer struct {
		Holders []string `json:"holders"`
	}
	HistoryAnswer struct {
		Changes []Change `json:"changes"`
	}
	// ReportingAnswer is the line above a person (nearest first) and who
	// reports to them directly.
	ReportingAnswer struct {
		Managers []string `json:"managers"`
		Direct   []string `json:"direct"`
	}
)

// queries are the domain's queries by name.
var queries = map[string]service.Query[*Org]{
	"get": func(o *Org, v uint64, _ json.RawMessage) (any, error) { return OrgAnswer{o, v}, nil },
	"holders": ask(func(o *Org, a HoldersArgs) (any, error) {
		if _, err := o.unit(a.Unit); err != nil {
			return nil, err
		}
		return HoldersAnswer{o.Holders(a.Unit, a.Role, a.IncludeSubUnits)}, nil
	}),
	"history": ask(func(o *Org, a HistoryArgs) (any, error) {
		out := []Change{}
		for _, c := range o.History {
			if a.Unit == "" || c.Unit == a.Unit || c.From == a.Unit || c.To == a.Unit {
				out = append(out, c)
			}
		}
		return HistoryAnswer{out}, nil
	}),
	"reporting": ask(func(o *Org, a ReportingArgs) (any, error) {
		direct := []string{}
		for p, m := range o.ReportsTo {
			if m == a.Person {
				direct = append(direct, p)
			}
		}
		slices.Sort(direct)
		return ReportingAnswer{Managers: o.managers(a.Person), Direct: direct}, nil
	}),
}

// ask decodes a query's arguments strictly; any refusal is a 400.
func ask[A any](answer func(*Org, A) (any, error)) service.Query[*Org] {
	return func(o *Org, _ uint64, args json.RawMessage) (any, error) {
		var a A
		err := strict(args, &a)
		var out any
		if err == nil {
			out, err = answer(o, a)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		return out, nil
	}
}
