package host

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/natsembed"
)

// ErrTopology marks cluster, replica or leaf-node flags that do not fit
// together.
var ErrTopology = errors.New("bad cluster flags")

// Topology says how the embedded server joins other servers: as one of a
// cluster (Cluster, Routes, ClusterListen), as a leaf node of a hub
// (Leaf), or as a hub that accepts leaf nodes (LeafListen); and how many
// copies the domains' streams keep (Replicas).
type Topology struct {
	Cluster       string
	Routes        string // comma-separated host:port of the other servers
	ClusterListen string
	ServerName    string
	// Replicas is the copies of each domain stream (0: a new stream gets
	// one, an existing stream keeps what it has).
	Replicas int
	// Leaf is the hub's comma-separated leaf URLs; the link authenticates
	// with Security.Creds and trusts Security.CAFile.
	Leaf       string
	LeafListen string
}

// Flags adds the flags of a command that runs the domain services (serve).
func (t *Topology) Flags(fs *flag.FlagSet) {
	fs.StringVar(&t.Cluster, "cluster", "", "form or join the NATS cluster NAME (same name on every server; needs --cluster-listen)")
	fs.StringVar(&t.Routes, "routes", "", "the cluster's servers, comma-separated host:port of their --cluster-listen (this server's own may be listed)")
	fs.StringVar(&t.ClusterListen, "cluster-listen", "", "accept the other cluster servers' routes on host:port (a port alone binds loopback)")
	fs.StringVar(&t.ServerName, "server-name", "", "this server's name in the cluster (default cimviz-HOSTNAME-PORT; keep it across restarts)")
	fs.IntVar(&t.Replicas, "replicas", 0, "keep N copies of every domain stream on N cluster servers (1-5; default: 1 for new streams, existing ones keep theirs)")
	fs.StringVar(&t.Leaf, "leaf", "", "run the embedded server as a leaf node of the hub at URL[,URL] (its streams live on the hub; --creds and --ca authenticate the link)")
	fs.StringVar(&t.LeafListen, "leaf-listen", "", "accept leaf nodes on host:port (a port alone binds loopback)")
}

// Check refuses flags that cannot work together, before anything starts;
// natsURL is the --nats flag.
func (t Topology) Check(natsURL string) error {
	clustered := t.Cluster != "" || t.Routes != "" || t.ClusterListen != "" || t.ServerName != ""
	switch {
	case natsURL != "" && (clustered || t.Leaf != "" || t.LeafListen != ""):
		return fmt.Errorf("%w: --cluster, --routes, --cluster-listen, --server-name, --leaf and --leaf-listen configure the embedded server; with --nats, configure the server at %s itself", ErrTopology, natsURL)
	case t.Cluster == "" && clustered:
		return fmt.Errorf("%w: --routes, --cluster-listen and --server-name need --cluster NAME", ErrTopology)
	case t.Cluster != "" && t.ClusterListen == "":
		return fmt.Errorf("%w: --cluster %s needs --cluster-listen HOST:PORT, the address the other servers' --routes name", ErrTopology, t.Cluster)
	case t.Cluster != "" && t.Leaf != "":
		return fmt.Errorf("%w: a server is either one of a cluster (--cluster) or a leaf node of a hub (--leaf), not both; make the cluster the hub instead (--leaf-listen on its servers)", ErrTopology)
	case t.Leaf != "" && t.LeafListen != "":
		return fmt.Errorf("%w: a leaf node (--leaf) does not accept leaf nodes itself (--leaf-listen)", ErrTopology)
	}
	return t.checkReplicas(natsURL)
}

func (t Topology) checkReplicas(natsURL string) error {
	switch known := t.clusterSize(); {
	case t.Replicas < 0 || t.Replicas > natsembed.MaxReplicas:
		return fmt.Errorf("%w: --replicas %d: JetStream keeps 1 to %d copies", ErrTopology, t.Replicas, natsembed.MaxReplicas)
	case t.Replicas <= 1 || natsURL != "" || t.Leaf != "":
		return nil // one copy, or the remote server decides
	case t.Cluster == "":
		return fmt.Errorf("%w: --replicas %d needs a cluster: a single server keeps one copy (add --cluster, or use --nats or --leaf with a cluster)", ErrTopology, t.Replicas)
	case t.Replicas > known:
		return fmt.Errorf("%w: --replicas %d, but --routes names a cluster of at most %d servers: list every server in --routes", ErrTopology, t.Replicas, known)
	}
	return nil
}

// clusterSize is the most servers the flags can know of.
func (t Topology) clusterSize() int { return t.cluster().Size() }

func (t Topology) cluster() natsembed.Cluster {
	c := natsembed.Cluster{Name: t.Cluster, Listen: t.ClusterListen}
	for _, r := range strings.Split(t.Routes, ",") {
		if r = strings.TrimSpace(r); r != "" {
			c.Routes = append(c.Routes, r)
		}
	}
	return c
}

// embedded sets the topology on the embedded server's configuration.
func (t Topology) embedded(cfg *natsembed.Config, sec Security) {
	cfg.LeafListen = t.LeafListen
	if t.Cluster != "" {
		c := t.cluster()
		cfg.Cluster, cfg.Name = &c, t.ServerName
	}
	if t.Leaf != "" {
		cfg.Leaf = &natsembed.Leaf{URLs: strings.Split(t.Leaf, ","), Creds: sec.Creds, CAFile: sec.CAFile}
	}
}

// waitJetStream waits for the cluster's quorum or the leaf's hub,
// logging every few seconds, until ctx ends.
func (h *Host) waitJetStream(ctx context.Context) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := h.srv.WaitJetStream(wctx)
		cancel()
		if err == nil || ctx.Err() != nil {
			return err
		}
		h.cfg.Logger.Warn("waiting for the cluster (a quorum of its servers must be up) or the leaf node's hub", "why", err)
	}
}

// ensureReplicas raises every domain stream (CIM_*) to the configured
// replicas: the workflow services open their streams themselves.
func (h *Host) ensureReplicas(ctx context.Context) error {
	n := h.cfg.Topology.Replicas
	if n <= 1 {
		return nil
	}
	js, err := jetstream.New(h.nc)
	if err != nil {
		return err
	}
	names := js.StreamNames(ctx)
	for name := range names.Name() {
		if err := raiseReplicas(ctx, js, name, n); err != nil {
			return err
		}
	}
	return names.Err()
}

func raiseReplicas(ctx context.Context, js jetstream.JetStream, name string, n int) error {
	if !strings.HasPrefix(name, "CIM_") {
		return nil
	}
	str, err := js.Stream(ctx, name)
	if err != nil {
		return fmt.Errorf("stream %s: %w", name, err)
	}
	cfg := str.CachedInfo().Config
	if cfg.Replicas >= n {
		return nil
	}
	cfg.Replicas = n
	if _, err := js.UpdateStream(ctx, cfg); err != nil {
		return fmt.Errorf("stream %s to %d replicas: %w", name, n, explainReplicas(err))
	}
	return nil
}

// explainReplicas says what to do when the cluster has fewer servers
// than the streams' replicas.
func explainReplicas(err error) error {
	if strings.Contains(err.Error(), "insufficient resources") {
		return fmt.Errorf("%w (fewer servers with JetStream are up than --replicas asks for)", err)
	}
	return err
}

// LeafAddr is where the embedded server accepts leaf nodes ("" when it
// does not, or with --nats).
func (h *Host) LeafAddr() string {
	if h.srv == nil {
		return ""
	}
	return h.srv.LeafAddr()
}
