package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/cimviz/cimviz/graph/codec"
)

// `cimviz convert IN OUT` converts a graph file between the formats of
// graph/codec, each picked by its file's extension. It needs no NATS.

func init() {
	register("convert", "convert a graph file between formats, picked by extension (json, dot, graphml, mermaid, markdown, cytoscape)", runConvert)
}

func runConvert(args []string) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: cimviz convert [flags] IN OUT\n\nformats by extension: .json .cimviz.json .dot .gv .graphml .mmd .md .cyjs .cy.json")
		fs.PrintDefaults()
	}
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	if err := fs.Parse(args); err != nil {
		return errors.Join(errUsage, err)
	}
	if fs.NArg() != 2 {
		return fmt.Errorf("%w: cimviz convert [flags] IN OUT", errUsage)
	}
	progress, out := io.Writer(os.Stderr), io.Writer(os.Stdout)
	if *quiet {
		progress, out = io.Discard, io.Discard
	}
	return convert(fs.Arg(0), fs.Arg(1), progress, out)
}

// convert reads in and writes out, each in the format of its extension.
// Both extensions are checked before anything is read, and out is written
// atomically, so a failed conversion leaves no half file. readDocument
// draws the progress bar: for inputs over 1 MiB, on a terminal.
func convert(in, out string, progress, summary io.Writer) error {
	if _, err := codec.FormatFor(in); err != nil {
		return fmt.Errorf("%w: input: %w", errUsage, err)
	}
	format, err := codec.FormatFor(out)
	if err != nil {
		return fmt.Errorf("%w: output: %w", errUsage, err)
	}
	doc, err := readDocument(in, progress)
	if err != nil {
		return err
	}
	if err := writeAtomically(out, func(w io.Writer) error { return codec.Encode(w, doc, format) }); err != nil {
		return err
	}
	nodes, edges := 0, 0
	for _, g := range doc.Graphs {
		nodes, edges = nodes+g.NodeCount(), edges+g.EdgeCount()
	}
	fmt.Fprintf(summary, "converted %s to %s (%s): %d graph(s), %d nodes, %d edges\n", in, out, format, len(doc.Graphs), nodes, edges)
	return nil
}
