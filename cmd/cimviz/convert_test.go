package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph/codec"
)

// TestConvertChainKeepsNesting: a document goes json -> dot -> graphml ->
// mermaid -> cytoscape -> json and still has its nested graph and labels.
func TestConvertChainKeepsNesting(t *testing.T) {
	dir := t.TempDir()
	steps := []string{"start.cimviz.json", "a.gv", "b.graphml", "c.mmd", "d.md", "e.cyjs", "end.json"}
	writeDocument(t, filepath.Join(dir, steps[0]), sampleDocument(t, 5))
	for i := 1; i < len(steps); i++ {
		var summary strings.Builder
		if err := convert(filepath.Join(dir, steps[i-1]), filepath.Join(dir, steps[i]), io.Discard, &summary); err != nil {
			t.Fatalf("%s -> %s: %v", steps[i-1], steps[i], err)
		}
		if !strings.Contains(summary.String(), "nodes") {
			t.Errorf("summary %q", summary.String())
		}
	}
	doc, err := readDocument(filepath.Join(dir, steps[len(steps)-1]), io.Discard)
	must(t, err)
	if len(doc.Graphs) != 2 || doc.RootGraph().NodeCount() != 5 {
		t.Fatalf("after the chain: %d graphs, root has %d nodes", len(doc.Graphs), doc.RootGraph().NodeCount())
	}
}

// TestConvertErrors: unknown extensions are usage errors named before any
// reading; a parse error names the line and leaves no output file.
func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.mmd")
	must(t, os.WriteFile(bad, []byte("flowchart TD\n  A --> B\n  B ?? C\n"), 0o644))
	cases := []struct {
		in, out  string
		sentinel error
		says     string
	}{
		{bad, filepath.Join(dir, "out.vsdx"), errUsage, ".vsdx"},
		{filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.gv"), errUsage, "in.txt"},
		{bad, filepath.Join(dir, "out.gv"), codec.ErrSyntax, "line 3"},
		{filepath.Join(dir, "missing.gv"), filepath.Join(dir, "out.json"), os.ErrNotExist, "missing.gv"},
	}
	for _, c := range cases {
		err := convert(c.in, c.out, io.Discard, io.Discard)
		if !errors.Is(err, c.sentinel) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("convert %s %s: %v, want %v saying %q", filepath.Base(c.in), filepath.Base(c.out), err, c.sentinel, c.says)
		}
		if _, statErr := os.Stat(c.out); statErr == nil {
			t.Errorf("a failed conversion left %s", c.out)
		}
	}
	if err := runConvert([]string{"only-one.gv"}); !errors.Is(err, errUsage) {
		t.Errorf("one argument: %v", err)
	}
}

// TestConvertBigFile: a file large enough for the progress bar converts
// whole (the bar itself is importexport's, drawn only on a terminal).
func TestConvertBigFile(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "big.graphml"), filepath.Join(dir, "big.json")
	writeDocument(t, in, sampleDocument(t, 8000))
	must(t, convert(in, out, io.Discard, io.Discard))
	doc, err := readDocument(out, io.Discard)
	must(t, err)
	if n := doc.RootGraph().NodeCount(); n != 8000 {
		t.Errorf("converted %d of 8000 nodes", n)
	}
}
