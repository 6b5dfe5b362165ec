package auth

import (
	"bytes"
	"fmt"
	"os"

	"github.com/nats-io/nats.go"
)

// ClientOptions are the nats.go options for a client that authenticates
// with credsFile (a user nkey seed from `cimviz credentials`, or a JWT
// .creds file from nsc) and trusts caFile's certificate authority. Empty
// names add nothing.
func ClientOptions(credsFile, caFile string) ([]nats.Option, error) {
	var opts []nats.Option
	if credsFile != "" {
		o, err := credsOption(credsFile)
		if err != nil {
			return nil, err
		}
		opts = append(opts, o)
	}
	if caFile != "" {
		opts = append(opts, nats.RootCAs(caFile))
	}
	return opts, nil
}

// credsOption tells a JWT creds file from an nkey seed by its content.
func credsOption(path string) (nats.Option, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("credentials: %w", err)
	}
	if bytes.Contains(b, []byte("BEGIN NATS USER JWT")) {
		return nats.UserCredentials(path), nil
	}
	o, err := nats.NkeyOptionFromSeed(path)
	if err != nil {
		return nil, fmt.Errorf("credentials %s: not a creds file or user nkey seed: %w", path, err)
	}
	return o, nil
}
