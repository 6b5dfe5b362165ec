package natsembed

import (
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

// ErrNoKey marks encryption asked for without a usable key.
var ErrNoKey = errors.New("no JetStream encryption key")

// Security says who may connect to a listening server and how its data is
// protected. The zero value is an in-process server with plaintext files.
//
// With Auth on, a listening server lets in only the nkey Users and the
// server's own connections ([Server.Connect]), which authenticate with a
// key made at start and never written anywhere; leaf nodes connecting to
// [Config.LeafListen] authenticate as those users too. A server that
// listens for neither is reachable only from this process and ignores
// Auth. Routes between the servers of a cluster are not authenticated:
// the cluster listener belongs on a private network. The
// command line turns Auth on for every --listen unless --insecure is given.
type Security struct {
	// Auth requires clients of the listener to authenticate.
	Auth bool
	// Users are the nkey users allowed in, with their permissions.
	Users []*server.NkeyUser
	// TLS, when set, makes TCP clients use TLS with this configuration.
	TLS *tls.Config
	// JetStreamKey, when set, encrypts JetStream's files at rest with
	// ChaCha20-Poly1305 (nats-server's JetStream encryption).
	JetStreamKey string
}

// EnvJetStreamKey names the environment variable [JetStreamKey] reads.
const EnvJetStreamKey = "CIMVIZ_JS_KEY"

// JetStreamKey returns the encryption key in file, or, with file empty,
// in $CIMVIZ_JS_KEY ("" when neither is given: no encryption). Leading
// and trailing white space is not part of the key.
func JetStreamKey(file string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv(EnvJetStreamKey)), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoKey, err)
	}
	key := strings.TrimSpace(string(b))
	if key == "" {
		return "", fmt.Errorf("%w: %s is empty", ErrNoKey, file)
	}
	return key, nil
}

// applySecurity sets the server options sec asks for. It returns the
// key pair of the server's own connections when authentication is on.
func applySecurity(opts *server.Options, sec Security) (nkeys.KeyPair, error) {
	if sec.JetStreamKey != "" {
		opts.JetStreamKey, opts.JetStreamCipher = sec.JetStreamKey, server.ChaCha
	}
	if opts.DontListen && opts.LeafNode.Port == 0 {
		return nil, nil
	}
	if sec.TLS != nil {
		opts.TLS, opts.TLSConfig, opts.TLSTimeout = true, sec.TLS, 5
	}
	if !sec.Auth {
		return nil, nil
	}
	self, err := nkeys.CreateUser()
	if err != nil {
		return nil, fmt.Errorf("%w: own nkey: %v", ErrStart, err)
	}
	pub, err := self.PublicKey()
	if err != nil {
		return nil, fmt.Errorf("%w: own nkey: %v", ErrStart, err)
	}
	opts.Nkeys = append([]*server.NkeyUser{{Nkey: pub}}, sec.Users...)
	return self, nil
}

// selfAuth is the option that authenticates the server's own connections
// (nothing when authentication is off).
func selfAuth(self nkeys.KeyPair) []nats.Option {
	if self == nil {
		return nil
	}
	pub, err := self.PublicKey()
	if err != nil {
		return nil
	}
	return []nats.Option{nats.Nkey(pub, self.Sign)}
}

// checkStreamsLoaded fails when the data directory holds streams that
// JetStream did not load: their files are encrypted with another key (or
// none was given). Serving on would let the domains create empty streams
// over them.
func checkStreamsLoaded(ns *server.Server, dataDir string) error {
	onDisk, err := filepath.Glob(filepath.Join(dataDir, "jetstream", server.DEFAULT_GLOBAL_ACCOUNT, "streams", "*"))
	if err != nil || len(onDisk) == 0 {
		return nil
	}
	loaded := ns.GlobalAccount().JetStreamUsage().Streams
	if loaded < len(onDisk) {
		return fmt.Errorf("%w: %d of the %d streams in %s could not be read: the JetStream key (--js-key or $%s) is missing or not the one they were written with",
			ErrStart, len(onDisk)-loaded, len(onDisk), dataDir, EnvJetStreamKey)
	}
	return nil
}
