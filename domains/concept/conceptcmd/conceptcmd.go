// Package conceptcmd is the conceptual-space domain's vocabulary on the
// wire: its subject token and its command payloads (events carry the same
// payloads). It holds no service code, so a program that only sends
// concept commands (the space view's gestures) links the payloads without
// the service harness; domains/concept decides them.
package conceptcmd

import "github.com/cimviz/cimviz/domains/concept/space"

// Name is the domain's subject token.
const Name = "concept"

// Command payloads.
type (
	CreateSpace struct {
		Name string     `json:"name"`
		Norm space.Norm `json:"norm,omitempty"`
	}
	AddDimension struct {
		Dimension space.Dimension `json:"dimension"`
		Default   *space.Value    `json:"default,omitempty"` // for existing concepts and items
	}
	UpdateDimension struct {
		Dimension space.Dimension `json:"dimension"`
	}
	SetWeights struct {
		Context string             `json:"context"`
		Weights map[string]float64 `json:"weights"`
	}
	// Named names what a remove_* command removes.
	Named struct {
		Name string `json:"name"`
	}
	// Move gives a concept a new prototype or an item a new point.
	Move struct {
		Name string      `json:"name"`
		To   space.Point `json:"to"`
	}
)
