package ecs

import (
	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
)

// Authoritative components: they change only when an event is applied
// (see [ApplyEvent]).

// Node marks an entity as a graph node.
type Node struct {
	ID    string
	Kind  string
	Props map[string]string
}

// Label is the text shown on a node.
type Label struct{ Text string }

// Position is the committed position of a node (world units, centre).
type Position struct{ P graph.Point }

// SubgraphRef marks a node that stands for another graph. Recursive is set
// when that graph is already open higher up the navigation path.
type SubgraphRef struct {
	GraphID   string
	Recursive bool
}

// Edge is a directed edge between two node entities.
type Edge struct {
	ID       string
	From, To arche.Entity
	FromID   string
	ToID     string
	Label    string
	Kind     string
}

// Presentation components: UI-only, never sent anywhere.

// Pending is an optimistic position: where the user put a node while the
// command that moves it is in flight. Render draws the node there as a
// ghost; the event confirms it, a rejection removes it.
type Pending struct{ P graph.Point }

// Shape is how a node is drawn.
type Shape uint8

// Shapes.
const (
	ShapeRect Shape = iota
	ShapeRound
	ShapeEllipse
	ShapeDiamond
)

// Size is the extent of a node in world units, and its shape.
type Size struct {
	W, H  float64
	Shape Shape
}

// Selected marks a selected node.
type Selected struct{}

// Hovered marks the node under the pointer.
type Hovered struct{}

// Pulse is a short highlight on a node or edge when an event touches it
// (the event-flow view). Age grows each tick; the system removes it when
// Age reaches Duration.
type Pulse struct {
	Age, Duration float64
}

// Hidden marks a node folded into a collapsed group (see [Group]).
type Hidden struct{ By arche.Entity }

// Group is a presentation-only box standing for collapsed nodes. Edges that
// touch a member are drawn to the group instead.
type Group struct {
	Members []arche.Entity
	Label   string
	P       graph.Point
}

// Match marks a node that matches the find query.
type Match struct{ Index int }
