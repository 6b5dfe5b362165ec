// Command cimviz-edit is the cimviz editor window. `cimviz` with no
// subcommand (or `cimviz edit`) starts it.
//
// It is a binary of its own because the window toolkit (ebiten) needs a
// display from the moment it is linked in: its package initialisation
// opens one. Keeping it out of `cimviz` lets the services, the tools and
// the benchmarks run on a machine with no display at all.
//
// By default it edits live: it starts the embedded NATS server with the
// domain services (or joins --nats URL), seeds the demo on a first run
// through ordinary commands, and shows the world the bridge builds from the
// event log. --local (or --graph FILE) edits in memory without NATS.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

// errUsage marks a usage error: exit code 2, no stack.
var errUsage = errors.New("usage")

func main() {
	err := runEdit(os.Args[1:])
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "cimviz edit:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "cimviz edit:", err)
		os.Exit(1)
	}
}
