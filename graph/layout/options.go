package layout

// Direction is the way a layered layout's edges point.
type Direction int

// Directions of a layered layout.
const (
	TopDown Direction = iota
	LeftRight
)

// Option changes a layout's settings.
type Option func(*config)

type config struct {
	seed     uint64
	spacing  float64
	rankSep  float64
	dir      Direction
	theta    float64
	gravity  float64
	maxSteps int
	keep     bool
	sweeps   int
}

func newConfig(opts []Option) config {
	c := config{seed: 1, spacing: 80, rankSep: 100, theta: 0.9, gravity: 0.1, maxSteps: 500, sweeps: 100}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithSeed sets the seed of everything random (default 1).
func WithSeed(s uint64) Option { return func(c *config) { c.seed = s } }

// WithSpacing sets the distance between neighbouring nodes: the ideal edge
// length of the force layout, the gap within a layer, the grid step
// (default 80). Values that are not positive are ignored.
func WithSpacing(d float64) Option {
	return func(c *config) {
		if d > 0 {
			c.spacing = d
		}
	}
}

// WithRankSep sets the distance between layers of a layered layout
// (default 100). Values that are not positive are ignored.
func WithRankSep(d float64) Option {
	return func(c *config) {
		if d > 0 {
			c.rankSep = d
		}
	}
}

// WithDirection sets the direction of a layered layout (default TopDown).
func WithDirection(d Direction) Option { return func(c *config) { c.dir = d } }

// WithTheta sets the Barnes-Hut opening angle: 0 computes every pair
// exactly, larger is faster and coarser (default 0.9).
func WithTheta(t float64) Option {
	return func(c *config) {
		if t >= 0 {
			c.theta = t
		}
	}
}

// WithGravity sets the pull towards the centre that keeps unconnected
// parts of a force layout together (default 0.1).
func WithGravity(g float64) Option {
	return func(c *config) {
		if g >= 0 {
			c.gravity = g
		}
	}
}

// WithMaxSteps caps the steps of the force layout (default 500).
func WithMaxSteps(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxSteps = n
		}
	}
}

// WithSweeps caps the ordering sweeps per try of the layered layout
// (default 100; it stops sooner when sweeps stop helping, and very large
// graphs get fewer).
func WithSweeps(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.sweeps = n
		}
	}
}

// KeepPositions starts the force layout from the nodes' current positions
// instead of random ones, so it tidies rather than rebuilds.
func KeepPositions() Option { return func(c *config) { c.keep = true } }
