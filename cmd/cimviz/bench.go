package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/cimviz/cimviz/bench"
)

func init() {
	register("bench", "measure every tracked performance figure", runBench)
}

func runBench(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	quick := fs.Bool("quick", false, "smaller sizes, same metrics (under 60 s on 2 cores)")
	jsonPath := fs.String("json", "", "also write the results as a JSON array to `FILE`")
	only := fs.String("only", "", "run only metrics matching `PATTERN` (glob or substring, comma-separated)")
	list := fs.Bool("list", false, "list the metrics and their targets, run nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	metrics := bench.Metrics()
	if *list {
		return listMetrics(metrics)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results, err := bench.Run(ctx, metrics, bench.Options{Size: bench.Size{Quick: *quick}, Only: *only, Progress: os.Stderr})
	if err != nil {
		return err
	}
	if err := bench.WriteTable(os.Stdout, results); err != nil {
		return err
	}
	if *jsonPath != "" {
		return writeJSONFile(*jsonPath, results)
	}
	return nil
}

func listMetrics(metrics []bench.Metric) error {
	for _, m := range metrics {
		landed := "landed"
		if m.Measure == nil {
			landed = "not landed"
		}
		fmt.Printf("%-32s %-12s %-10s %s\n", m.Name, m.Unit, landed, m.About)
	}
	return nil
}

func writeJSONFile(path string, results []bench.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := bench.WriteJSON(f, results); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
