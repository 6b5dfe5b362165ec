package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/graph/codec"
)

// `cimviz import FILE` and `cimviz export GRAPH FILE` talk to the graph
// service: over --nats URL (a `cimviz serve --listen` or any NATS with the
// services), or else on an embedded server they start on --data, which
// must not be in use by a running `cimviz serve` (use --nats then).

func init() {
	register("import", "import a graph file (json, dot, graphml, mermaid, markdown, cytoscape) into the graph service", runImport)
	register("export", "export a graph and the graphs it nests to a file, format by extension", runExport)
}

type transferFlags struct {
	natsURL, data, as string
	replace           bool
	at                uint64
	timeout           time.Duration
	sec               host.Security
}

func parseTransfer(name string, args []string, nargs int, usage string) (transferFlags, []string, error) {
	var f transferFlags
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintf(fs.Output(), "usage: cimviz %s %s\n", name, usage); fs.PrintDefaults() }
	fs.StringVar(&f.natsURL, "nats", "", "NATS server with the graph service (default: an embedded server on --data)")
	fs.StringVar(&f.data, "data", host.DefaultDataDir(), "JetStream data directory of the embedded server")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "how long to wait for each reply")
	f.sec.ClientFlags(fs)
	if name == "import" {
		fs.BoolVar(&f.replace, "replace", false, "replace the content of graphs that exist already")
		fs.StringVar(&f.as, "as", "", "import the root graph under this graph ID")
	} else {
		fs.Uint64Var(&f.at, "at", 0, "export the graphs as they were at this event store sequence (0: now)")
	}
	if err := fs.Parse(args); err != nil {
		return f, nil, errors.Join(errUsage, err)
	}
	if fs.NArg() != nargs {
		return f, nil, fmt.Errorf("%w: cimviz %s %s", errUsage, name, usage)
	}
	return f, fs.Args(), nil
}

func runImport(args []string) error {
	f, rest, err := parseTransfer("import", args, 1, "[flags] FILE")
	if err != nil {
		return err
	}
	doc, err := readDocument(rest[0], os.Stderr)
	if err != nil {
		return err
	}
	return withGraphService(f, func(c *graphClient) error { return importDocument(c, doc, f, os.Stdout, os.Stderr) })
}

func runExport(args []string) error {
	f, rest, err := parseTransfer("export", args, 2, "[flags] GRAPH FILE")
	if err != nil {
		return err
	}
	return withGraphService(f, func(c *graphClient) error { return exportDocument(c, rest[0], rest[1], f.at, os.Stdout) })
}

// readDocument decodes a file by its extension, showing progress for a
// large one.
func readDocument(path string, progress io.Writer) (*codec.Document, error) {
	format, err := codec.FormatFor(path)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var r io.Reader = file
	if st, err := file.Stat(); err == nil && st.Size() > 1<<20 {
		r = &readProgress{r: file, bar: newBar(barWriter(progress), int(st.Size()>>10), "KiB read")}
	}
	doc, err := codec.Decode(r, format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, doc.Validate()
}

func importDocument(c *graphClient, doc *codec.Document, f transferFlags, out, progress io.Writer) error {
	doc.IntoGraphs() // the real ends of edges across groups and the root's attributes travel in the graphs
	if f.as != "" {
		change.RenameGraphID(doc.Graphs, doc.Root, f.as)
		doc.Root = f.as
	}
	for from, to := range change.SanitizeIDs(doc.Graphs) {
		fmt.Fprintf(progress, "graph %q is imported as %q\n", from, to)
	}
	root := doc.RootGraph()
	plan, err := change.PlanImport(doc.Graphs, change.ImportOptions{Exists: c.exists, Replace: f.replace})
	if err = errors.Join(c.err, err); err != nil {
		return err
	}
	bar := newBar(barWriter(progress), len(plan), "commands")
	for i, cmd := range plan {
		if err := c.send(cmd); err != nil {
			return fmt.Errorf("import stopped after %d of %d commands: %w", i, len(plan), err)
		}
		bar.set(i + 1)
	}
	bar.done()
	nodes, edges := 0, 0
	for _, g := range doc.Graphs {
		nodes, edges = nodes+g.NodeCount(), edges+g.EdgeCount()
	}
	fmt.Fprintf(out, "imported %d graph(s), root %q: %d nodes, %d edges, %d commands\n", len(doc.Graphs), root.ID, nodes, edges, len(plan))
	return nil
}

// exportDocument fetches a graph and every graph it nests (at sequence at,
// or now) and writes them in the format of path's extension.
func exportDocument(c *graphClient, root, path string, at uint64, out io.Writer) error {
	format, err := codec.FormatFor(path)
	if err != nil {
		return err
	}
	doc := &codec.Document{Root: root}
	queue := []string{root}
	for seen := map[string]bool{root: true}; len(queue) > 0; queue = queue[1:] {
		g, err := c.fetch(queue[0], at)
		if err != nil {
			return err
		}
		doc.Graphs = append(doc.Graphs, g)
		for _, n := range g.Nodes {
			if n.Ref != "" && !seen[n.Ref] {
				seen[n.Ref] = true
				queue = append(queue, n.Ref)
			}
		}
	}
	doc.FromGraphs()
	if err := writeAtomically(path, func(w io.Writer) error { return codec.Encode(w, doc, format) }); err != nil {
		return err
	}
	fmt.Fprintf(out, "exported %d graph(s), root %q, to %s (%s)\n", len(doc.Graphs), root, path, format)
	return nil
}

// writeAtomically writes a temporary file beside path and renames it, so
// a failed export never leaves half a file.
func writeAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := errors.Join(write(tmp), tmp.Close()); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// graphClient is the graph service's client with a per-request timeout.
type graphClient struct {
	*graphdomain.Client
	nc       *nats.Conn
	progress io.Writer
	timeout  time.Duration
	err      error // first failure of exists, which cannot return one
}

func (c *graphClient) send(cmd change.Command) error {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	_, err := c.Send(ctx, cmd)
	return err
}

func (c *graphClient) get(id string, at uint64) (*graph.Graph, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	v, err := c.Get(ctx, id, graphdomain.GetArgs{Sequence: at})
	return v.Graph, err
}

// fetch gets a graph; when the service gives no answer (a graph whose
// reply would not fit in one NATS message), it rebuilds the graph from
// the event store instead.
func (c *graphClient) fetch(id string, at uint64) (*graph.Graph, error) {
	g, err := c.get(id, at)
	var refusal *service.Error
	if err == nil || errors.As(err, &refusal) && !errors.Is(err, graphdomain.ErrTooLarge) {
		return g, err
	}
	fmt.Fprintf(c.progress, "%v; rebuilding graph %q from the event store\n", err, id)
	ctx, cancel := context.WithTimeout(context.Background(), 10*c.timeout)
	defer cancel()
	return graphdomain.Rebuild(ctx, c.nc, id, at)
}

// exists asks whether a graph ID is taken; a failure other than "not
// found" is kept for the caller.
func (c *graphClient) exists(id string) bool {
	_, err := c.get(id, 0)
	if err != nil && !errors.Is(err, service.ErrNotFound) && c.err == nil {
		c.err = err
	}
	return err == nil
}

// withGraphService runs fn with a client of the graph service: over
// --nats, or on an embedded server on --data running the graph domain.
func withGraphService(f transferFlags, fn func(*graphClient) error) error {
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cfg := host.Config{NATSURL: f.natsURL, DataDir: f.data, Name: "cimviz import/export", Logger: logger, Security: f.sec}
	if f.natsURL == "" {
		cfg.Domains = []service.Servable{graphdomain.Servable{}}
	}
	h, err := host.Start(context.Background(), cfg)
	if err != nil {
		return err
	}
	err = fn(&graphClient{Client: graphdomain.NewClient(h.Conn()), nc: h.Conn(), progress: os.Stderr, timeout: f.timeout})
	return errors.Join(err, h.Close())
}

// barWriter is w when it is a terminal; a bar redrawn with \r is noise in
// a log or a pipe.
func barWriter(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return w
		}
	}
	return io.Discard
}

// bar is a one-line progress bar; silent for a single step.
type bar struct {
	w          io.Writer
	total, now int
	unit       string
}

func newBar(w io.Writer, total int, unit string) *bar { return &bar{w: w, total: total, unit: unit} }

func (b *bar) set(n int) {
	if b.total <= 1 || n*40/b.total == b.now*40/b.total && n != b.total {
		b.now = n
		return
	}
	b.now = n
	k := n * 40 / b.total
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d %s", strings.Repeat("#", k), strings.Repeat(".", 40-k), n, b.total, b.unit)
}

func (b *bar) done() {
	if b.total > 1 {
		fmt.Fprintln(b.w)
	}
}

type readProgress struct {
	r        io.Reader
	n        int
	bar      *bar
	finished bool
}

func (p *readProgress) Read(buf []byte) (int, error) {
	n, err := p.r.Read(buf)
	p.n += n
	p.bar.set(min(p.n>>10, p.bar.total))
	if err == io.EOF && !p.finished {
		p.finished = true
		p.bar.done()
	}
	return n, err
}
