// Command cimviz is the CIM editor and live viewer. With no subcommand it
// opens the editor; subcommands (serve, convert, bench, ...) register
// themselves from their own files with [register], so each lives apart.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// subcommand is one `cimviz NAME ...` verb.
type subcommand struct {
	name    string
	summary string
	run     func(args []string) error
}

var subcommands = map[string]subcommand{}

// defaultCommand runs when no subcommand is named (the editor, once it is
// registered under "edit").
const defaultCommand = "edit"

// errUsage marks a usage error: the message is printed without a stack and
// the exit code is 2.
var errUsage = errors.New("usage")

// register adds a subcommand; it is called from init functions.
func register(name, summary string, run func(args []string) error) {
	subcommands[name] = subcommand{name: name, summary: summary, run: run}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	name, rest := pick(args)
	if name == "help" || name == "-h" || name == "--help" {
		usage(stderr)
		return 0
	}
	cmd, ok := subcommands[name]
	if !ok {
		fmt.Fprintf(stderr, "cimviz: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	if err := cmd.run(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "cimviz %s: %v\n", name, err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

// pick splits the subcommand from its arguments; flags alone mean the
// default command.
func pick(args []string) (string, []string) {
	if len(args) == 0 || (len(args[0]) > 0 && args[0][0] == '-' && args[0] != "-h" && args[0] != "--help") {
		return defaultCommand, args
	}
	return args[0], args[1:]
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: cimviz [COMMAND] [flags]\n\ncommands:")
	names := make([]string, 0, len(subcommands))
	for n := range subcommands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, subcommands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'cimviz COMMAND -h' for a command's flags.")
}
