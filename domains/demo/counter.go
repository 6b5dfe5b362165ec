// Package demo holds a small fixture domain, counter, served by `cimviz
// serve` and used by tests and benchmarks of the harness. A counter has a
// name, a value and an optional limit:
//
//	create    {"name": "visits", "limit": 100}  -> created
//	increment {"by": 2}                          -> incremented (refused past the limit)
//	rename    {"name": "hits"}                   -> renamed (nothing when unchanged)
//
// and one query, get -> {"name", "value", "limit", "version"}.
package demo

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Counter is the aggregate's state.
type Counter struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
	Limit int64  `json:"limit,omitempty"` // 0: no limit
}

// Command payloads.
type (
	Create struct {
		Name  string `json:"name"`
		Limit int64  `json:"limit,omitempty"`
	}
	Increment struct {
		By *int64 `json:"by,omitempty"` // absent: 1
	}
	Rename struct {
		Name string `json:"name"`
	}
)

// Event payloads.
type (
	Created     Create
	Incremented struct {
		By    int64 `json:"by"`
		Value int64 `json:"value"`
	}
	Renamed struct {
		From string `json:"from"`
		Name string `json:"name"`
	}
)

// Domain is the counter domain, ready for service.NewEngine or Start.
var Domain = service.Domain[Counter]{
	Name:        "counter",
	Version:     "1.0.0",
	Description: "demo counters: create, increment up to a limit, rename",
	New:         func() Counter { return Counter{} },
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"create":    {Creates: true, Description: "make a counter: {name, limit?}"},
		"increment": {Retry: true, Description: "add to the value: {by?}, refused past the limit"},
		"rename":    {Description: "change the name: {name}"},
	},
	Queries: map[string]service.Query[Counter]{
		"get": func(c Counter, version uint64, _ json.RawMessage) (any, error) {
			return struct {
				Counter
				Version uint64 `json:"version"`
			}{c, version}, nil
		},
	},
}

// Decide is the counter's rule book.
func Decide(c Counter, cmd message.Command) ([]service.Draft, error) {
	switch cmd.Type {
	case "create":
		return decideCreate(cmd.Payload)
	case "increment":
		return decideIncrement(c, cmd.Payload)
	case "rename":
		return decideRename(c, cmd.Payload)
	}
	return nil, fmt.Errorf("%w: counter has no command %q", service.ErrInvalid, cmd.Type)
}

func decideCreate(payload json.RawMessage) ([]service.Draft, error) {
	var p Create
	if err := decode(payload, &p); err != nil {
		return nil, err
	}
	if p.Name == "" || p.Limit < 0 {
		return nil, fmt.Errorf("%w: a counter needs a name and a limit >= 0", service.ErrInvalid)
	}
	return []service.Draft{{Type: "created", Payload: Created(p)}}, nil
}

func decideIncrement(c Counter, payload json.RawMessage) ([]service.Draft, error) {
	var p Increment
	if err := decode(payload, &p); err != nil {
		return nil, err
	}
	by := int64(1)
	if p.By != nil {
		by = *p.By
	}
	switch {
	case by <= 0:
		return nil, fmt.Errorf("%w: increment by %d: must be positive", service.ErrInvalid, by)
	case c.Limit > 0 && c.Value+by > c.Limit:
		return nil, fmt.Errorf("%w: %q is at %d; adding %d would pass its limit %d", service.ErrInvalid, c.Name, c.Value, by, c.Limit)
	}
	return []service.Draft{{Type: "incremented", Payload: Incremented{By: by, Value: c.Value + by}}}, nil
}

func decideRename(c Counter, payload json.RawMessage) ([]service.Draft, error) {
	var p Rename
	if err := decode(payload, &p); err != nil {
		return nil, err
	}
	switch p.Name {
	case "":
		return nil, fmt.Errorf("%w: a counter needs a name", service.ErrInvalid)
	case c.Name:
		return nil, nil // already so named: nothing happens
	}
	return []service.Draft{{Type: "renamed", Payload: Renamed{From: c.Name, Name: p.Name}}}, nil
}

// Apply evolves a counter by one event; unknown events leave it as is, so
// older code can read newer logs.
func Apply(c Counter, ev message.Event) Counter {
	switch ev.Type {
	case "created":
		var p Created
		if json.Unmarshal(ev.Payload, &p) == nil {
			c.Name, c.Limit = p.Name, p.Limit
		}
	case "incremented":
		var p Incremented
		if json.Unmarshal(ev.Payload, &p) == nil {
			c.Value = p.Value
		}
	case "renamed":
		var p Renamed
		if json.Unmarshal(ev.Payload, &p) == nil {
			c.Name = p.Name
		}
	}
	return c
}

// decode reads a command payload strictly: unknown fields are refused, so
// a typo is a 400 and not a silent default. An empty payload is {}.
func decode(payload json.RawMessage, into any) error {
	if len(payload) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%w: payload: %v", service.ErrInvalid, err)
	}
	return nil
}
