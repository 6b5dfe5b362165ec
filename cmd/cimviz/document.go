package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/document"
	"github.com/cimviz/cimviz/domains/document/mdtext"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/service"
)

// `cimviz document import DIR | show ID | list` talk to the document
// service: over --nats URL, or else on an embedded server on --data that
// they start with the document service (not while a `cimviz serve` holds
// that directory: use --nats then).

func init() {
	register("document", "import a folder of Markdown as documents (import DIR), show one as text (show ID), list them (list)", runDocument)
}

type documentFlags struct {
	natsURL, data, actor, cid string
	width                     int
	raw                       bool
	timeout                   time.Duration
	sec                       host.Security
}

func parseDocument(args []string, stderr io.Writer) (documentFlags, []string, error) {
	var f documentFlags
	fs := flag.NewFlagSet("document", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cimviz document import DIR | show ID | list [flags]")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.natsURL, "nats", "", "NATS server with the document service (default: an embedded server on --data)")
	fs.StringVar(&f.data, "data", host.DefaultDataDir(), "JetStream data directory of the embedded server")
	fs.StringVar(&f.actor, "actor", defaultActor(), "import: the author (header X-Actor)")
	fs.StringVar(&f.cid, "cid", "", "show: this version (default: the latest)")
	fs.IntVar(&f.width, "width", 80, "show: wrap Markdown at this many columns")
	fs.BoolVar(&f.raw, "raw", false, "show: the bytes as stored, not rendered")
	fs.DurationVar(&f.timeout, "timeout", 5*time.Minute, "give up after this long")
	f.sec.ClientFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return f, nil, errors.Join(errUsage, err)
	}
	want := map[string]int{"import": 2, "show": 2, "list": 1}
	if len(pos) == 0 || want[pos[0]] != len(pos) {
		fs.Usage()
		return f, nil, fmt.Errorf("%w: cimviz document import DIR | show ID | list", errUsage)
	}
	return f, pos, nil
}

func runDocument(args []string) error {
	f, pos, err := parseDocument(args, os.Stderr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout)
	defer cancel()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cfg := host.Config{NATSURL: f.natsURL, DataDir: f.data, Name: "cimviz document", Logger: logger, Security: f.sec}
	if f.natsURL == "" {
		cfg.Domains = []service.Servable{document.Servable{}}
	}
	h, err := host.Start(ctx, cfg)
	if err != nil {
		return err
	}
	err = documentVerb(ctx, h.Conn(), f, pos, os.Stdout)
	return errors.Join(err, h.Close())
}

func documentVerb(ctx context.Context, nc *nats.Conn, f documentFlags, pos []string, out io.Writer) error {
	switch pos[0] {
	case "import":
		return document.ImportDir(ctx, nc, os.DirFS(pos[1]), f.actor, func(r document.ImportResult) {
			if r.Err == nil {
				fmt.Fprintf(out, "%-40s %-12s %s  %s\n", r.File.ID, r.Outcome, r.CID, r.File.Path)
			}
		})
	case "show":
		a, body, err := document.Read(ctx, nc, pos[1], f.cid)
		if err != nil {
			return err
		}
		if f.raw || a.MediaType != document.MediaMarkdown {
			_, err = out.Write(body)
			return err
		}
		fmt.Fprintf(out, "%s  (%s, %d bytes, version %s)\n\n%s\n", a.Title, a.MediaType, a.Version.Size, a.Version.CID, mdtext.Render(string(body), f.width))
		return nil
	}
	var list []document.Summary
	if err := service.NewClient(nc, document.DomainName).Query(ctx, "documents", "", nil, &list); err != nil {
		return err
	}
	for _, s := range list {
		fmt.Fprintf(out, "%-40s %3d version(s) %8d bytes  %s\n", s.ID, s.Versions, s.Size, s.Title)
	}
	return nil
}
