package bench

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func sampleReport(t *testing.T) Report {
	results, err := Run(context.Background(), testMetrics(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A row named like a real metric, to show the CIM report's figure.
	v := 3.1e6
	results = append(results, Result{Name: "id_gen_per_s", Value: &v, Unit: "ids/s", Target: 10e6, Met: new(bool), Note: "UUIDv7 | one goroutine"})
	return Report{
		Machine: Machine{CPU: "Test CPU @ 2.00GHz", Cores: 2, Memory: "7.8 GiB", Go: "go1.99"},
		Command: "xvfb-run -a bin/cimviz bench --json FILE",
		Date:    "2026-11-22 00:00 UTC",
		Results: results,
		Reasons: map[string]string{"slow_ms": "The slow path allocates per call."},
	}
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "benchmarks.golden.md")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("BENCHMARKS.md changed (run with -update if intended):\n%s", buf.String())
	}
}

func TestMissedTargetsListEveryUnmetOrUnmeasuredMetric(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	_, missed, ok := strings.Cut(buf.String(), "## Missed targets")
	if !ok {
		t.Fatal("no Missed targets section")
	}
	for _, name := range []string{"slow_ms", "future_ms", "missing_tool_ms", "crashing_ms", "id_gen_per_s"} {
		if !strings.Contains(missed, "`"+name+"`") {
			t.Errorf("%s is unmet or unmeasured but not listed under Missed targets", name)
		}
	}
	if strings.Contains(missed, "`fast_per_s`") {
		t.Error("a met metric is listed as missed")
	}
	if !strings.Contains(missed, "The slow path allocates per call.") || !strings.Contains(missed, "no reason written yet") {
		t.Error("missed targets must carry the written reason, or say that none is written")
	}
}

func TestParseReasons(t *testing.T) {
	in := "# Reasons\n\nProse is ignored.\n- `append_ratio`: every append waits for its ack.\n" +
		"  - `seek_1m_ms`:   time travel has not landed  \n- `Bad-Name`: ignored\n- no metric here\n"
	got, err := ParseReasons(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"append_ratio": "every append waits for its ack.", "seek_1m_ms": "time travel has not landed"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}

func TestMachineFields(t *testing.T) {
	cpuinfo := "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n"
	if got := procField(cpuinfo, "model name"); got != "Intel(R) Xeon(R) CPU @ 2.20GHz" {
		t.Errorf("model name: got %q", got)
	}
	if got := procField(cpuinfo, "flags"); got != "" {
		t.Errorf("a missing key must read empty, got %q", got)
	}
	cases := map[string]string{"8147496 kB": "7.8 GiB", "": "unknown", "12 MB": "unknown", "x kB": "unknown"}
	for in, want := range cases {
		if got := memTotal(in); got != want {
			t.Errorf("memTotal(%q) = %q, want %q", in, got, want)
		}
	}
}
