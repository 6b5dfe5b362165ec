package telemetry_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
)

// The ops files, relative to this package.
const (
	alertsFile     = "../../ops/prometheus/alerts.yml"
	alertTestsFile = "../../ops/prometheus/alerts_test.yml"
	dashboardFile  = "../../ops/grafana/cimviz.json"
)

// promtool runs promtool with args, skipping the test when it is not
// installed (Debian package prometheus).
func promtool(t *testing.T, args ...string) {
	t.Helper()
	path, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool is not installed (Debian package prometheus); the rules are not checked")
	}
	out, err := exec.Command(path, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// The alert rules are valid, and fire (or stay quiet) as their unit tests
// in alerts_test.yml expect.
func TestAlertRulesPassPromtool(t *testing.T) {
	promtool(t, "check", "rules", alertsFile)
	promtool(t, "test", "rules", alertTestsFile)
}

// Every query of the dashboard is valid PromQL: they are checked as
// recording rules, with Grafana's variables replaced by plain values.
func TestDashboardQueriesAreValidPromQL(t *testing.T) {
	exprs := dashboardExprs(t)
	if len(exprs) < 10 {
		t.Fatalf("the dashboard has %d queries; expected its dozen panels' worth", len(exprs))
	}
	vars := strings.NewReplacer("$__rate_interval", "5m", "$domain", ".*")
	var rules strings.Builder
	rules.WriteString("groups:\n  - name: dashboard\n    rules:\n")
	for i, e := range exprs {
		q, err := json.Marshal(vars.Replace(e)) // a JSON string is a YAML string
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&rules, "      - record: dashboard:query_%d\n        expr: %s\n", i, q)
	}
	file := filepath.Join(t.TempDir(), "dashboard.yml")
	if err := os.WriteFile(file, []byte(rules.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	promtool(t, "check", "rules", file)
}

// dashboardExprs lists the dashboard's queries: each target's expr and
// each query variable's definition.
func dashboardExprs(t *testing.T) []string {
	t.Helper()
	var dash struct {
		Panels []struct {
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	raw, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &dash); err != nil {
		t.Fatal(err)
	}
	var exprs []string
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			exprs = append(exprs, tg.Expr)
		}
	}
	return exprs
}

// metricName finds the metric names the ops files use. Prometheus' own
// up (the scrape's health) is the one name from outside the registry.
var metricName = regexp.MustCompile(`\bcimviz_[a-z0-9_]+\b`)

// Every metric the alert rules, their tests and the dashboard name is one
// the registry exports, after a scrape that has seen every kind of
// outcome.
func TestOpsNameOnlyExportedMetrics(t *testing.T) {
	c, ep := startMetrics(t)
	c.sendMix(t)
	exported := exportedNames(scrape(t, ep.URL()))
	used := map[string][]string{}
	for _, file := range []string{alertsFile, alertTestsFile, dashboardFile} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range metricName.FindAllString(string(raw), -1) {
			used[name] = append(used[name], filepath.Base(file))
		}
	}
	if len(used) < 12 {
		t.Fatalf("the ops files name only %d metrics: %v", len(used), slices.Sorted(maps.Keys(used)))
	}
	for name, files := range used {
		if !exported[name] {
			t.Errorf("%s (in %v) is not exported; exported: %v", name, files, slices.Sorted(maps.Keys(exported)))
		}
	}
}

// exportedNames are the scraped families' names, with a histogram's
// _bucket, _sum and _count series.
func exportedNames(fams map[string]*dto.MetricFamily) map[string]bool {
	names := map[string]bool{}
	for name, f := range fams {
		names[name] = true
		if f.GetType() == dto.MetricType_HISTOGRAM {
			names[name+"_bucket"], names[name+"_sum"], names[name+"_count"] = true, true, true
		}
	}
	return names
}
