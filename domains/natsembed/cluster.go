package natsembed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ErrCluster marks a cluster or leaf-node configuration that cannot work.
var ErrCluster = errors.New("bad cluster configuration")

// MaxReplicas is the most copies JetStream keeps of a stream.
const MaxReplicas = server.StreamMaxReplicas

// HubDomain is the JetStream domain of a server that forms a cluster or
// accepts leaf nodes. A leaf node's clients reach the hub's JetStream
// through it (see [Leaf]).
const HubDomain = "hub"

// Cluster makes the server one of a NATS cluster: it accepts routes from
// the other servers on Listen and connects to Routes. JetStream then runs
// clustered: a stream may keep up to [MaxReplicas] copies, and the
// servers agree on every write by Raft.
type Cluster struct {
	// Name is the cluster's name, the same on every server.
	Name string
	// Listen is host:port for the other servers' routes; a missing host
	// means loopback, as for [Config.Listen].
	Listen string
	// Routes are the other servers' Listen addresses (host:port or
	// nats-route://host:port). Listing the server's own address is
	// harmless, so every server can be given the same list.
	Routes []string
}

// Size is the most servers the configuration can know of: the routes
// plus this one (fewer when the routes name this server too).
func (c Cluster) Size() int { return len(c.Routes) + 1 }

// clusterOptions sets the route options of c.
func clusterOptions(opts *server.Options, c Cluster) error {
	if c.Name == "" || strings.ContainsAny(c.Name, " \t.*>") {
		return fmt.Errorf("%w: cluster name %q: want one word, the same on every server", ErrCluster, c.Name)
	}
	if c.Listen == "" {
		return fmt.Errorf("%w: cluster %s needs a listen address (host:port) for the other servers' routes", ErrCluster, c.Name)
	}
	host, port, err := splitListen(c.Listen)
	if err != nil {
		return fmt.Errorf("%w: cluster listen: %v", ErrCluster, err)
	}
	routes, err := routeURLs(c.Routes)
	if err != nil {
		return err
	}
	opts.Cluster = server.ClusterOpts{Name: c.Name, Host: host, Port: port}
	opts.Routes = routes
	return nil
}

// routeURLs parses routes, adding the nats-route scheme where none is
// given.
func routeURLs(routes []string) ([]*url.URL, error) {
	var urls []*url.URL
	for _, r := range routes {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		u, err := hostPortURL(r, "nats-route")
		if err != nil {
			return nil, fmt.Errorf("%w: route %q: %v", ErrCluster, r, err)
		}
		urls = append(urls, u)
	}
	return urls, nil
}

// hostPortURL parses "host:port" or "scheme://host:port" and requires
// both a host and a port.
func hostPortURL(s, scheme string) (*url.URL, error) {
	if !strings.Contains(s, "://") {
		s = scheme + "://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if u.Hostname() == "" || u.Port() == "" {
		return nil, errors.New("want host:port")
	}
	if p, err := strconv.Atoi(u.Port()); err != nil || p <= 0 || p > 65535 {
		return nil, errors.New("bad port")
	}
	return u, nil
}

// clusterName is a cluster server's default name: JetStream knows its
// peers by name, so it must differ between servers and stay the same
// across restarts. Host name and route port give both.
func clusterName(c Cluster) (string, error) {
	_, port, err := net.SplitHostPort(c.Listen)
	if err != nil || port == "0" {
		return "", fmt.Errorf("%w: a cluster server on a random route port needs a name of its own", ErrCluster)
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "host"
	}
	return "cimviz-" + host + "-" + port, nil
}

// ClusterAddr is where the server accepts routes ("" outside a cluster).
func (s *Server) ClusterAddr() string {
	if a := s.ns.ClusterAddr(); a != nil {
		return a.String()
	}
	return ""
}

// WaitJetStream waits until JetStream can take requests: at once on a
// single server; on a leaf node, once the link to the hub is up; in a
// cluster, once the servers have elected a metadata
// leader and this one has caught up with it (a quorum of the cluster must
// be up). It fails when ctx ends first, saying how many routes are up.
func (s *Server) WaitJetStream(ctx context.Context) error {
	if s.leaf {
		return s.waitLeaf(ctx)
	}
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for !s.ns.JetStreamIsCurrent() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("JetStream of cluster %s not ready (%d routes up, no metadata leader known to %s): %w",
				s.ns.ClusterName(), s.ns.NumRoutes(), s.ns.Name(), ctx.Err())
		case <-t.C:
		}
	}
	return nil
}

// topology sets the cluster, leaf-node and hub options of cfg. A server
// that forms a cluster or accepts leaf nodes is in the [HubDomain].
func topology(opts *server.Options, cfg Config) error {
	if cfg.Cluster != nil && cfg.Leaf != nil {
		return fmt.Errorf("%w: a server is either one of a cluster or a leaf node of a hub, not both", ErrCluster)
	}
	if cfg.Leaf != nil && cfg.LeafListen != "" {
		return fmt.Errorf("%w: a leaf node does not accept leaf nodes itself", ErrCluster)
	}
	if cfg.Cluster != nil {
		if err := clusterOptions(opts, *cfg.Cluster); err != nil {
			return err
		}
		if cfg.Name == "" {
			name, err := clusterName(*cfg.Cluster)
			if err != nil {
				return err
			}
			opts.ServerName = name
		}
	}
	if cfg.LeafListen != "" {
		if err := hubOptions(opts, cfg.LeafListen, cfg.Security.TLS); err != nil {
			return err
		}
	}
	if cfg.Cluster != nil || cfg.LeafListen != "" {
		opts.JetStreamDomain = HubDomain
	}
	if cfg.Leaf != nil {
		return leafOptions(opts, *cfg.Leaf)
	}
	return nil
}

// afterStart finishes what options cannot say: a leaf's JetStream goes
// to the hub; a single server checks that it could read every stream on
// disk. A cluster server loads its streams from the cluster's metadata
// after it has started, so it cannot be checked here.
func afterStart(ns *server.Server, cfg Config) error {
	switch {
	case cfg.Leaf != nil:
		return mapHubJetStream(ns, cfg.Leaf.HubDomain)
	case cfg.Cluster != nil:
		return nil
	default:
		return checkStreamsLoaded(ns, cfg.DataDir)
	}
}

// waitLeaf waits for the link to the hub.
func (s *Server) waitLeaf(ctx context.Context) error {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for s.ns.NumLeafNodes() == 0 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("leaf node %s: no link to the hub: %w", s.ns.Name(), ctx.Err())
		case <-t.C:
		}
	}
	return nil
}
