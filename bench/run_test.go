package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func fixed(v float64, baseline *float64) func(context.Context, Size) (Measurement, error) {
	return func(context.Context, Size) (Measurement, error) {
		return Measurement{Value: v, Baseline: baseline}, nil
	}
}

func testMetrics() []Metric {
	return []Metric{
		{Name: "fast_per_s", Unit: "ops/s", Target: 100, Goal: AtLeast, Measure: fixed(250, ptr(500))},
		{Name: "slow_ms", Unit: "ms", Target: 10, Goal: AtMost, Measure: fixed(12, nil)},
		{Name: "future_ms", Unit: "ms", Target: 5, Goal: AtMost},
		{Name: "missing_tool_ms", Unit: "ms", Target: 5, Goal: AtMost, Measure: func(context.Context, Size) (Measurement, error) {
			return Measurement{}, errors.Join(ErrNotMeasured, errors.New("dot is not installed"))
		}},
		{Name: "crashing_ms", Unit: "ms", Target: 5, Goal: AtMost, Measure: func(context.Context, Size) (Measurement, error) { panic("boom") }},
	}
}

func TestRunJudgesEachMetric(t *testing.T) {
	results, err := Run(context.Background(), testMetrics(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Result{}
	for _, r := range results {
		byName[r.Name] = r
	}
	if r := byName["fast_per_s"]; r.Met == nil || !*r.Met || r.Ratio == nil || *r.Ratio != 0.5 {
		t.Errorf("fast_per_s: want met with ratio 0.5, got %+v", r)
	}
	if r := byName["slow_ms"]; r.Met == nil || *r.Met {
		t.Errorf("slow_ms: 12 ms against a 10 ms ceiling must be unmet, got %+v", r)
	}
	for _, name := range []string{"future_ms", "missing_tool_ms", "crashing_ms"} {
		if r := byName[name]; r.Value != nil || r.Met != nil || r.Note == "" {
			t.Errorf("%s: want not measured with a reason, got %+v", name, r)
		}
	}
	if !strings.Contains(byName["missing_tool_ms"].Note, "dot is not installed") {
		t.Errorf("the reason a metric did not run must reach the report: %q", byName["missing_tool_ms"].Note)
	}
}

func TestJSONShape(t *testing.T) {
	results, _ := Run(context.Background(), testMetrics(), Options{})
	var buf bytes.Buffer
	if err := WriteJSON(&buf, results); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(results) {
		t.Fatalf("want %d rows, got %d", len(results), len(rows))
	}
	for _, row := range rows {
		for _, key := range []string{"name", "value", "unit", "target", "baseline", "ratio", "met"} {
			if _, ok := row[key]; !ok {
				t.Errorf("row %v lacks key %q", row["name"], key)
			}
		}
	}
	if rows[2]["value"] != nil || rows[2]["met"] != nil {
		t.Errorf("a metric not measured must have null value and met, got %v", rows[2])
	}
}

func TestOnlySelects(t *testing.T) {
	cases := []struct {
		only string
		want []string
	}{
		{"slow", []string{"slow_ms"}},
		{"*_ms", []string{"slow_ms", "future_ms", "missing_tool_ms", "crashing_ms"}},
		{"fast*,future*", []string{"fast_per_s", "future_ms"}},
	}
	for _, c := range cases {
		got, err := Select(testMetrics(), c.only)
		if err != nil {
			t.Fatalf("%q: %v", c.only, err)
		}
		var names []string
		for _, m := range got {
			names = append(names, m.Name)
		}
		if strings.Join(names, " ") != strings.Join(c.want, " ") {
			t.Errorf("--only %q: want %v, got %v", c.only, c.want, names)
		}
	}
	if _, err := Select(testMetrics(), "nothing_like_this"); err == nil {
		t.Error("a pattern that matches nothing must be an error")
	}
	if _, err := Select(testMetrics(), "[bad"); err == nil {
		t.Error("a malformed glob must be an error")
	}
}

func TestRegistryNamesAreTheStableSet(t *testing.T) {
	want := "id_gen_per_s event_create_per_s publish_ratio append_ratio mem_per_event_bytes filter_1m_ms " +
		"command_rtt_p50_ms command_rtt_p99_ms concurrent_commands_per_s gesture_rtt_p99_ms replay_events_per_s " +
		"layout_force_10k_ms layout_force_100k_ms layout_layered_1k_ms layered_crossings_ratio_vs_dot " +
		"graphml_import_100k_ms frame_build_10k_ms frame_build_100k_ms draw_calls_100k idle_cpu_percent " +
		"workflow_transitions_per_s workflow_transition_p99_ms seek_1m_ms live_events_per_s categorize_1m_ms " +
		"knn_100k_ms voronoi_1k_ms"
	var names []string
	for _, m := range Metrics() {
		names = append(names, m.Name)
	}
	if got := strings.Join(names, " "); got != want {
		t.Errorf("metric names changed:\n got %s\nwant %s", got, want)
	}
}

func TestTableShowsNotMeasured(t *testing.T) {
	results, _ := Run(context.Background(), testMetrics(), Options{})
	var buf bytes.Buffer
	if err := WriteTable(&buf, results); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "not measured") || !strings.Contains(out, "NO") || !strings.Contains(out, "yes") {
		t.Errorf("table must show met, unmet and not measured rows:\n%s", out)
	}
}

func TestProgressReportsEveryMetric(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Run(context.Background(), testMetrics()[:2], Options{Progress: &buf}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "2/2 slow_ms") {
		t.Errorf("progress should end at 2/2, got %q", buf.String())
	}
}
