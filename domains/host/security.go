package host

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/natsembed"
)

// Security says how a host's NATS is protected: for the embedded server,
// whether its listener requires authentication, TLS and encryption at
// rest; for --nats URL, the credentials and CA the host connects with.
type Security struct {
	// Insecure lets anyone who reaches --listen connect without
	// credentials. Off, only the users in DATA/auth/users.json get in.
	Insecure bool
	// TLSDir holds the server certificate (`cimviz cert --out DIR`).
	TLSDir string
	// JSKeyFile holds the JetStream encryption key; empty reads
	// $CIMVIZ_JS_KEY; neither means no encryption at rest.
	JSKeyFile string
	// Creds is a user nkey seed or JWT creds file for --nats URL.
	Creds string
	// CAFile is the CA to trust for a TLS --nats URL.
	CAFile string
}

// ServerFlags adds the flags of a command that may run the embedded
// server with a listener (serve, the editor).
func (s *Security) ServerFlags(fs *flag.FlagSet) {
	fs.BoolVar(&s.Insecure, "insecure", false, "let anyone who reaches --listen connect without credentials")
	fs.StringVar(&s.TLSDir, "tls", "", "serve TLS on --listen with DIR's server certificate (made by `cimviz cert --out DIR`)")
	s.KeyFlag(fs)
	s.ClientFlags(fs)
}

// KeyFlag adds --js-key, for every command that opens the data directory.
func (s *Security) KeyFlag(fs *flag.FlagSet) {
	fs.StringVar(&s.JSKeyFile, "js-key", "", "encrypt JetStream's files with the key in FILE (default $"+natsembed.EnvJetStreamKey+"; none = plaintext)")
}

// ClientFlags adds the flags of a command that connects to --nats URL.
func (s *Security) ClientFlags(fs *flag.FlagSet) {
	fs.StringVar(&s.Creds, "creds", "", "authenticate to --nats with FILE (`cimviz credentials` seed, or a JWT .creds file)")
	fs.StringVar(&s.Creds, "nkey", "", "same as --creds")
	fs.StringVar(&s.CAFile, "ca", "", "trust FILE's certificate authority for a TLS --nats URL (ca.pem of `cimviz cert`)")
}

// embedded is the embedded server's security for dataDir: authentication
// with the data directory's users unless Insecure. A listener that lets
// anyone in, or no one but the host, is logged as a warning.
func (s Security) embedded(dataDir string, listening bool, logger *slog.Logger) (natsembed.Security, error) {
	key, err := natsembed.JetStreamKey(s.JSKeyFile)
	if err != nil {
		return natsembed.Security{}, err
	}
	sec := natsembed.Security{Auth: !s.Insecure, JetStreamKey: key}
	if s.TLSDir != "" {
		if sec.TLS, err = auth.ServerTLS(s.TLSDir); err != nil {
			return natsembed.Security{}, err
		}
	}
	if sec.Auth {
		users, err := auth.LoadUsers(dataDir)
		if err != nil {
			return natsembed.Security{}, err
		}
		sec.Users = auth.ServerUsers(users)
	}
	switch {
	case listening && s.Insecure:
		logger.Warn("--insecure: anyone who reaches the listener may connect, with every permission")
	case listening && len(sec.Users) == 0:
		logger.Warn("no users registered: only this process can connect; add some with `cimviz credentials`", "users", auth.UsersFile(dataDir))
	}
	return sec, nil
}

// ConnectURL connects to url with the client credentials and CA of s and
// opts; a refusal says what to do about it.
func (s Security) ConnectURL(url string, opts ...nats.Option) (*nats.Conn, error) {
	sec, err := auth.ClientOptions(s.Creds, s.CAFile)
	if err != nil {
		return nil, err
	}
	nc, err := nats.Connect(url, append(sec, opts...)...)
	if err != nil {
		return nil, explain(url, err)
	}
	return nc, nil
}

// explain adds the remedy to the errors a secured server gives.
func explain(url string, err error) error {
	switch {
	case errors.Is(err, nats.ErrAuthorization):
		return fmt.Errorf("connect to %s: refused, the server requires valid credentials (pass --creds FILE from `cimviz credentials --role ROLE --out FILE` on the server's data directory): %w", url, err)
	case errors.Is(err, nats.ErrSecureConnRequired), errors.Is(err, nats.ErrSecureConnWanted):
		return fmt.Errorf("connect to %s: TLS mismatch (use tls:// with --ca FILE for a `serve --tls` server): %w", url, err)
	default:
		return fmt.Errorf("connect to %s: %w", url, err)
	}
}
