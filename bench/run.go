package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// Options control a run.
type Options struct {
	Size
	// Only keeps the metrics whose name matches: a glob (`layout_*`) or,
	// without glob characters, a substring. Several patterns may be given
	// separated by commas.
	Only string
	// Progress, when set, receives a progress line per metric.
	Progress io.Writer
}

// Select returns the metrics that opts.Only keeps, in registry order. It
// fails when the pattern is malformed or keeps nothing.
func Select(metrics []Metric, only string) ([]Metric, error) {
	if only == "" {
		return metrics, nil
	}
	var kept []Metric
	for _, m := range metrics {
		ok, err := matchesAny(m.Name, only)
		if err != nil {
			return nil, err
		}
		if ok {
			kept = append(kept, m)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("--only %q matches no metric", only)
	}
	return kept, nil
}

func matchesAny(name, patterns string) (bool, error) {
	for _, p := range strings.Split(patterns, ",") {
		p = strings.TrimSpace(p)
		if !strings.ContainsAny(p, "*?[") {
			if strings.Contains(name, p) {
				return true, nil
			}
			continue
		}
		ok, err := path.Match(p, name)
		if err != nil {
			return false, fmt.Errorf("--only %q: %w", p, err)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// Run measures the selected metrics one after another. A metric that fails
// or cannot run becomes a "not measured" row with the reason; Run itself
// only fails on a bad selection or a cancelled context.
func Run(ctx context.Context, metrics []Metric, opts Options) ([]Result, error) {
	selected, err := Select(metrics, opts.Only)
	if err != nil {
		return nil, err
	}
	bar := newProgress(opts.Progress, len(selected))
	results := make([]Result, 0, len(selected))
	for i, m := range selected {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		bar.start(i, m.Name)
		start := time.Now()
		results = append(results, measureOne(ctx, m, opts.Size))
		bar.done(i, m.Name, time.Since(start))
	}
	bar.finish()
	return results, nil
}

func measureOne(ctx context.Context, m Metric, s Size) (r Result) {
	if m.Measure == nil {
		return notMeasured(m, "capability not landed yet")
	}
	defer func() {
		if p := recover(); p != nil {
			r = notMeasured(m, fmt.Sprintf("measurement crashed: %v", p))
		}
	}()
	got, err := m.Measure(ctx, s)
	if err != nil {
		why := err.Error()
		if !errors.Is(err, ErrNotMeasured) {
			why = "failed: " + why
		}
		return notMeasured(m, why)
	}
	return judge(m, got)
}
