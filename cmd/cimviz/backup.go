package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/backup"
	"github.com/cimviz/cimviz/domains/host"
)

func init() {
	register("backup", "snapshot every CIM stream into DIR (JetStream stream snapshots)", func(args []string) error {
		return runBackup("backup", args, backup.Save)
	})
	register("restore", "restore the streams of a `cimviz backup DIR` into a server that lacks them", func(args []string) error {
		return runBackup("restore", args, backup.Load)
	})
}

// backupFlags say which server a backup or restore talks to.
type backupFlags struct {
	natsURL, data string
	timeout       time.Duration
	sec           host.Security
}

func parseBackup(name string, args []string) (backupFlags, string, error) {
	var f backupFlags
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintf(fs.Output(), "usage: cimviz %s DIR [flags]\n", name); fs.PrintDefaults() }
	fs.StringVar(&f.natsURL, "nats", "", "the server to "+name+" (an admin --creds is needed on a secured one; default: an embedded server on --data, which must not be running)")
	fs.StringVar(&f.data, "data", host.DefaultDataDir(), "JetStream data directory of the embedded server")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Minute, "give up after this long")
	f.sec.KeyFlag(fs)
	f.sec.ClientFlags(fs)
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return f, "", errors.Join(errUsage, err)
	}
	if len(dirs) != 1 {
		return f, "", fmt.Errorf("%w: cimviz %s DIR", errUsage, name)
	}
	return f, dirs[0], nil
}

// runBackup runs op (save or load) against the server the flags name.
func runBackup(name string, args []string, op func(context.Context, *nats.Conn, string) ([]backup.Meta, error)) error {
	f, dir, err := parseBackup(name, args)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout)
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := host.Start(ctx, host.Config{NATSURL: f.natsURL, DataDir: f.data, Security: f.sec, Name: "cimviz " + name, Logger: quiet})
	if err != nil {
		return err
	}
	metas, err := op(ctx, h.Conn(), dir)
	for _, m := range metas {
		fmt.Printf("cimviz %s: %s: %d events (sequence %d to %d)\n", name, m.Config.Name, m.State.Msgs, m.State.FirstSeq, m.State.LastSeq)
	}
	return errors.Join(err, h.Close())
}
