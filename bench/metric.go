package bench

import (
	"context"
	"errors"
)

// ErrNotMeasured marks a metric that cannot run here (its capability has not
// landed, or a tool it compares against is missing). It is reported as "not
// measured", never as a number.
var ErrNotMeasured = errors.New("not measured")

// Goal says which way a metric should go.
type Goal int

const (
	// AtLeast: bigger is better, the target is a floor.
	AtLeast Goal = iota
	// AtMost: smaller is better, the target is a ceiling.
	AtMost
)

// Metric is one tracked figure. Names are stable across versions so runs can
// be compared.
type Metric struct {
	Name   string
	Unit   string
	Target float64
	Goal   Goal
	// About says in a few words what is measured (for the table and docs).
	About string
	// Measure runs the measurement. Quick runs use smaller sizes but the
	// same metric. A nil Measure means the capability has not landed.
	Measure func(ctx context.Context, s Size) (Measurement, error)
}

// Size picks the workload: Quick for `--quick`, else the full sizes.
type Size struct {
	Quick bool
}

// Pick returns quick when s.Quick, else full.
func (s Size) Pick(quick, full int) int {
	if s.Quick {
		return quick
	}
	return full
}

// Measurement is what a metric's run produced. Baseline is the same figure
// for the reference (raw nats.go, Graphviz ...) measured in the same run,
// when there is one.
type Measurement struct {
	Value    float64
	Baseline *float64
	Note     string
}

// Result is one row of the report; its JSON keys are part of the interface
// (`--json`). Value, Ratio and Met are null when the metric was not measured.
type Result struct {
	Name     string   `json:"name"`
	Value    *float64 `json:"value"`
	Unit     string   `json:"unit"`
	Target   float64  `json:"target"`
	Baseline *float64 `json:"baseline"`
	Ratio    *float64 `json:"ratio"`
	Met      *bool    `json:"met"`
	Note     string   `json:"note,omitempty"`
}

// judge turns a measurement into a result row.
func judge(m Metric, got Measurement) Result {
	v := got.Value
	met := meets(m, v)
	r := Result{Name: m.Name, Value: &v, Unit: m.Unit, Target: m.Target, Baseline: got.Baseline, Met: &met, Note: got.Note}
	if got.Baseline != nil && *got.Baseline != 0 {
		ratio := v / *got.Baseline
		r.Ratio = &ratio
	}
	return r
}

func meets(m Metric, v float64) bool {
	if m.Goal == AtMost {
		return v <= m.Target
	}
	return v >= m.Target
}

// notMeasured is the row of a metric that did not run.
func notMeasured(m Metric, why string) Result {
	return Result{Name: m.Name, Unit: m.Unit, Target: m.Target, Note: why}
}
