package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cimviz/cimviz/domains/auth"
)

func init() {
	register("cert", "make a CA and a server certificate for `serve --tls DIR` (--out DIR)", runCert)
}

// runCert writes a CA and a server certificate for loopback (and --host).
func runCert(args []string) error {
	fs := flag.NewFlagSet("cert", flag.ContinueOnError)
	out := fs.String("out", "", "directory for ca.pem, ca-key.pem, server.pem and server-key.pem")
	var hosts multiFlag
	fs.Var(&hosts, "host", "another DNS name or IP address the server certificate is valid for (repeatable)")
	if err := fs.Parse(args); err != nil {
		return errors.Join(errUsage, err)
	}
	if fs.NArg() > 0 || *out == "" {
		return fmt.Errorf("%w: cimviz cert --out DIR [--host NAME]...", errUsage)
	}
	if err := os.MkdirAll(*out, 0o700); err != nil {
		return err
	}
	if err := auth.GenerateCerts(*out, hosts...); err != nil {
		return err
	}
	fmt.Fprintf(os.Stdout, "cimviz cert: wrote %s; serve with --tls %s, clients connect to tls://... with --ca %s\n",
		*out, *out, filepath.Join(*out, auth.CAFile))
	return nil
}

// multiFlag collects a repeated string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint([]string(*m)) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
