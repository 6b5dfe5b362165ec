package concept

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
)

//go:embed samples/*.json
var sampleFiles embed.FS

// Sample is an embedded example space: the space itself, what it shows,
// and the category each of some items should fall into (the sample's own
// check).
type Sample struct {
	ID     string            `json:"id"`
	About  string            `json:"about"`
	Expect map[string]string `json:"expect,omitempty"`
	space.Space
}

// Samples are the embedded sample spaces, by file name.
func Samples() ([]Sample, error) {
	files, err := sampleFiles.ReadDir("samples")
	if err != nil {
		return nil, err
	}
	var out []Sample
	for _, f := range files {
		data, err := sampleFiles.ReadFile("samples/" + f.Name())
		if err != nil {
			return nil, err
		}
		var s Sample
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("sample %s: %w", f.Name(), err)
		}
		out = append(out, s)
	}
	return out, nil
}

// SampleCommands are the commands that build the sample as space
// aggregateID: create_space, then its dimensions, weight sets, concepts
// and items, in the sample's order. They are root commands of one
// correlation.
func SampleCommands(s Sample, aggregateID string) ([]message.Command, error) {
	var out []message.Command
	add := func(typ string, payload any) error {
		raw, err := json.Marshal(payload)
		if err != nil {
			return fmt.Errorf("sample %s: %s: %w", s.ID, typ, err)
		}
		out = append(out, message.NewCommand(Name, typ, aggregateID, raw))
		return nil
	}
	err := add("create_space", CreateSpace{Name: s.Name, Norm: s.Norm})
	for _, d := range s.Dimensions {
		err = firstErr(err, add("add_dimension", AddDimension{Dimension: d}))
	}
	for _, ctx := range slices.Sorted(maps.Keys(s.Weights)) {
		err = firstErr(err, add("set_weights", SetWeights{Context: ctx, Weights: s.Weights[ctx]}))
	}
	for _, c := range s.Concepts {
		err = firstErr(err, add("add_concept", c))
	}
	for _, it := range s.Items {
		err = firstErr(err, add("add_item", it))
	}
	return out, err
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
