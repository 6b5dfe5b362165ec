package natsembed

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"strconv"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nkeys"
)

// Leaf makes the server a leaf node of a hub: a local server whose
// clients reach everything on the hub (commands, queries, events,
// services) as if connected there, while the leaf keeps no JetStream of
// its own. The domains' streams live on the hub, so there is one log per
// domain however many leaves there are; a leaf cut off from its hub
// stores nothing until the link is back (the leaf reconnects by itself).
//
// JetStream requests do not cross a leaf link under their own subjects
// (nats-server keeps each side's JetStream apart): the leaf maps
// $JS.API.> to $JS.<HubDomain>.API.>, which the hub maps back, so clients
// of the leaf use JetStream unchanged.
type Leaf struct {
	// URLs are the hub's leaf-node listeners (host:port, nats-leaf://,
	// or tls:// for a hub that requires TLS); one of them is used, the
	// next one when it fails.
	URLs []string
	// Creds authenticates to a hub that requires it: a user nkey seed
	// (`cimviz credentials`) or a JWT .creds file.
	Creds string
	// CAFile is the certificate authority to trust for a TLS hub.
	CAFile string
	// HubDomain is the hub's JetStream domain (default [HubDomain]).
	HubDomain string
}

// leafOptions sets the options of a leaf node of l's hub.
func leafOptions(opts *server.Options, l Leaf) error {
	remote := &server.RemoteLeafOpts{}
	for _, s := range l.URLs {
		u, err := hostPortURL(s, "nats-leaf")
		if err != nil {
			return fmt.Errorf("%w: leaf hub URL %q: %v", ErrCluster, s, err)
		}
		remote.URLs = append(remote.URLs, u)
		remote.TLS = remote.TLS || u.Scheme == "tls"
	}
	if len(remote.URLs) == 0 {
		return fmt.Errorf("%w: a leaf node needs the hub's URL", ErrCluster)
	}
	if err := leafAuth(remote, l.Creds); err != nil {
		return err
	}
	if err := leafTLS(remote, l.CAFile); err != nil {
		return err
	}
	opts.LeafNode.Remotes = []*server.RemoteLeafOpts{remote}
	opts.JetStream = false
	return nil
}

// leafAuth tells a JWT creds file from an nkey seed by its content, as
// the clients do (domains/auth).
func leafAuth(remote *server.RemoteLeafOpts, file string) error {
	if file == "" {
		return nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("%w: leaf credentials: %v", ErrCluster, err)
	}
	if bytes.Contains(b, []byte("BEGIN NATS USER JWT")) {
		remote.Credentials = file
		return nil
	}
	kp, err := nkeys.ParseDecoratedNKey(b)
	if err != nil {
		return fmt.Errorf("%w: leaf credentials %s: not a creds file or user nkey seed: %v", ErrCluster, file, err)
	}
	seed, err := kp.Seed()
	if err != nil {
		return fmt.Errorf("%w: leaf credentials %s: %v", ErrCluster, file, err)
	}
	remote.Nkey = string(seed)
	return nil
}

// leafTLS trusts caFile's authority on the link (and turns TLS on).
func leafTLS(remote *server.RemoteLeafOpts, caFile string) error {
	if caFile == "" {
		return nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return fmt.Errorf("%w: leaf CA: %v", ErrCluster, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return fmt.Errorf("%w: leaf CA %s holds no PEM certificate", ErrCluster, caFile)
	}
	remote.TLS, remote.TLSConfig, remote.TLSTimeout = true, &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, 5
	return nil
}

// mapHubJetStream sends the leaf's JetStream requests to the hub's domain.
func mapHubJetStream(ns *server.Server, domain string) error {
	if err := ns.GlobalAccount().AddMapping("$JS.API.>", "$JS."+orDefault(domain, HubDomain)+".API.>"); err != nil {
		return fmt.Errorf("%w: JetStream through the hub: %v", ErrStart, err)
	}
	return nil
}

// hubOptions lets leaf nodes connect on listen, with the server's TLS
// when it has one; leaf connections authenticate as clients do.
func hubOptions(opts *server.Options, listen string, tlsConfig *tls.Config) error {
	host, port, err := splitListen(listen)
	if err != nil {
		return fmt.Errorf("%w: leaf listen: %v", ErrCluster, err)
	}
	opts.LeafNode.Host, opts.LeafNode.Port = host, port
	if tlsConfig != nil {
		opts.LeafNode.TLSConfig, opts.LeafNode.TLSTimeout = tlsConfig, 5
	}
	return nil
}

// LeafAddr is where the server accepts leaf nodes ("host:port"; "" when
// it does not).
func (s *Server) LeafAddr() string {
	v, err := s.ns.Varz(nil)
	if err != nil || v.LeafNode.Port <= 0 {
		return ""
	}
	return net.JoinHostPort(v.LeafNode.Host, strconv.Itoa(v.LeafNode.Port))
}
