package simulate

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// ErrConfig marks a configuration the simulator cannot run.
var ErrConfig = errors.New("bad simulation")

// Config says what to simulate.
type Config struct {
	Workflow  string
	Instances int
	// Rate is instance starts per second.
	Rate float64
	Seed uint64
	// MinStep and MaxStep bound how long a step takes.
	MinStep, MaxStep time.Duration
	// FailRate is the chance that an attempt of an automated step fails;
	// RejectRate the chance that an approval is rejected.
	FailRate, RejectRate float64
	// Workers is how many automated steps run at once.
	Workers int
	// People are the principals who complete manual steps and decide
	// approvals (their X-Actor); empty: the person domain's people.
	People []string
	// Progress is how often a progress line is printed (0: never).
	Progress time.Duration
}

// Validate reports a config that cannot run.
func (c Config) Validate() error {
	switch {
	case c.Workflow == "":
		return fmt.Errorf("%w: name a workflow", ErrConfig)
	case c.Instances < 1:
		return fmt.Errorf("%w: --instances %d: need at least 1", ErrConfig, c.Instances)
	case c.Rate <= 0:
		return fmt.Errorf("%w: --rate %v: need a positive rate", ErrConfig, c.Rate)
	case c.MinStep < 0 || c.MaxStep < c.MinStep:
		return fmt.Errorf("%w: step durations %v..%v", ErrConfig, c.MinStep, c.MaxStep)
	case c.FailRate < 0 || c.FailRate >= 1 || c.RejectRate < 0 || c.RejectRate > 1:
		return fmt.Errorf("%w: fail rate %v and reject rate %v must be in [0,1) and [0,1]", ErrConfig, c.FailRate, c.RejectRate)
	}
	return nil
}

// dice is the seeded source of every random choice, shared by the
// simulator's goroutines. The choices are reproducible in the order they
// are drawn; which goroutine draws first depends on timing.
type dice struct {
	mu  sync.Mutex
	rng *rand.Rand
}

func newDice(seed uint64) *dice {
	return &dice{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (d *dice) chance(p float64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rng.Float64() < p
}

func (d *dice) duration(lo, hi time.Duration) time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(d.rng.Int64N(int64(hi-lo)))
}

func (d *dice) intN(n int) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rng.IntN(n)
}

// context draws an instance's starting context. The variables cover what
// the templates' conditions read (amount, total, express, n, score).
func (d *dice) context() map[string]any {
	return map[string]any{
		"amount": float64(d.intN(2000)), "total": float64(d.intN(1000)), "express": d.chance(0.3),
		"n": float64(1 + d.intN(3)), "score": float64(d.intN(10)),
	}
}
