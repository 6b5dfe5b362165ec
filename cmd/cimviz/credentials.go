package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/host"
)

func init() {
	register("credentials", "make a user nkey for --listen clients (--role editor|service|admin --out FILE)", runCredentials)
}

// runCredentials makes a user nkey seed file and registers its public key
// with a role in the data directory's users file.
func runCredentials(args []string) error {
	fs := flag.NewFlagSet("credentials", flag.ContinueOnError)
	data := fs.String("data", host.DefaultDataDir(), "data directory of the server the user is for")
	roleName := fs.String("role", "", "editor, service or admin")
	out := fs.String("out", "", "write the user's nkey seed to this file (mode 0600; it must not exist)")
	name := fs.String("name", "", "a name for the user in the users file (default: the file name)")
	if err := fs.Parse(args); err != nil {
		return errors.Join(errUsage, err)
	}
	if fs.NArg() > 0 || *out == "" {
		return fmt.Errorf("%w: cimviz credentials --role editor|service|admin --out FILE [--data DIR]", errUsage)
	}
	role, err := auth.ParseRole(*roleName)
	if err != nil {
		return errors.Join(errUsage, err)
	}
	if *name == "" {
		*name = *out
	}
	u, err := auth.NewCredentials(*data, role, *name, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stdout, "cimviz credentials: %s user %s written to %s and registered in %s; restart the server to let it in\n",
		u.Role, u.NKey, *out, auth.UsersFile(*data))
	return nil
}
