// Command benchmarks-md writes BENCHMARKS.md from the JSON of `cimviz bench
// --json`, this machine's description and the hand-written reasons for
// missed targets. scripts/benchmarks-md runs the bench and then this.
//
//	go run ./bench/cmd/benchmarks-md -results bench.json -command "cimviz bench" -o BENCHMARKS.md
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/cimviz/cimviz/bench"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "benchmarks-md:", err)
		os.Exit(1)
	}
}

func run() error {
	results := flag.String("results", "", "JSON written by `cimviz bench --json` (required)")
	reasons := flag.String("reasons", "bench/reasons.md", "hand-written reasons for missed targets (may be missing)")
	command := flag.String("command", "cimviz bench", "the command that produced the results, as shown")
	out := flag.String("o", "BENCHMARKS.md", "where to write the document")
	flag.Parse()
	if *results == "" {
		return errors.New("-results FILE is required")
	}
	r := bench.Report{Machine: bench.ThisMachine(), Command: *command, Date: time.Now().UTC().Format("2006-01-02 15:04 MST")}
	var err error
	if r.Results, err = readResults(*results); err != nil {
		return err
	}
	if r.Reasons, err = readReasons(*reasons); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := bench.WriteMarkdown(&buf, r); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

func readResults(path string) ([]bench.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var results []bench.Result
	if err := json.Unmarshal(data, &results); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return results, nil
}

func readReasons(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return bench.ParseReasons(f)
}
