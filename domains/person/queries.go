package person

import (
	"encoding/json"

	"github.com/cimviz/cimviz/domains/service"
)

// PersonAnswer is the get query's answer: the person at a version.
type PersonAnswer struct {
	*Person
	Version uint64 `json:"version"`
}

// queries are the domain's queries about one person, by name.
var queries = map[string]service.Query[*Person]{
	"get": func(p *Person, v uint64, _ json.RawMessage) (any, error) { return PersonAnswer{p, v}, nil },
	"vcard": func(p *Person, _ uint64, _ json.RawMessage) (any, error) {
		b, err := EncodeVCards([]Person{*p})
		return string(b), err
	},
}
