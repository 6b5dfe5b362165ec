package wfmotion

// Phase is where an instance stands at one step.
type Phase uint8

// Phases. None means the instance is not at the step.
const (
	None Phase = iota
	Running
	Waiting
	Failed
)

// Counts is how many instances stand at one step in each phase.
type Counts struct{ Running, Waiting, Failed int }

// Zero reports whether no instance stands at the step.
func (c Counts) Zero() bool { return c == Counts{} }

func (c *Counts) add(p Phase, d int) {
	switch p {
	case Running:
		c.Running += d
	case Waiting:
		c.Waiting += d
	case Failed:
		c.Failed += d
	}
}

// Transition is an edge of a workflow's graph that an instance just took:
// the edge a completed step left by, or the edge a branch arrived at a
// join by.
type Transition struct {
	Workflow string
	Edge     string
}

// MaxFailed is how many failed instances Motion remembers (their red
// marks); past it the oldest are forgotten, so a long session watching a
// busy system stays bounded.
const MaxFailed = 4096

// instance is what Motion remembers of one run.
type instance struct {
	workflow string
	steps    map[string]Phase
	ended    bool // failed: only its failed steps remain
}

// Motion is the runtime state of every workflow it has seen events of.
// It is used from one goroutine.
type Motion struct {
	inst   map[string]*instance
	counts map[string]map[string]Counts
	rev    map[string]uint64
	failed []string // failed instances, oldest first (may hold dropped ones)
}

// New returns an empty Motion.
func New() *Motion {
	return &Motion{inst: map[string]*instance{}, counts: map[string]map[string]Counts{}, rev: map[string]uint64{}}
}

// Counts returns the counts of workflow's steps that some instance stands
// at (steps with no instance are absent). The map is Motion's own: read
// it before the next Fold.
func (m *Motion) Counts(workflow string) map[string]Counts { return m.counts[workflow] }

// Revision changes whenever workflow's counts change, so a reader can
// skip unchanged state.
func (m *Motion) Revision(workflow string) uint64 { return m.rev[workflow] }

// Instances is how many instances Motion follows (failed ones included).
func (m *Motion) Instances() int { return len(m.inst) }

// Phase returns where an instance stands at a step.
func (m *Motion) Phase(instanceID, step string) Phase {
	if in, ok := m.inst[instanceID]; ok {
		return in.steps[step]
	}
	return None
}

// Forget drops the failed instances of a workflow (their red marks).
func (m *Motion) Forget(workflow string) {
	for id, in := range m.inst {
		if in.workflow == workflow && in.ended {
			m.drop(id, in)
		}
	}
}
