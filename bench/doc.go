// Package bench measures every performance figure cimviz tracks and produces
// the report behind `cimviz bench` and BENCHMARKS.md.
package bench
