package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/host"
)

func TestServeRefusesClusterFlagsThatDoNotFit(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--replicas", "3"}, "needs a cluster"},
		{[]string{"--replicas", "6", "--cluster", "c", "--cluster-listen", ":6222"}, "1 to 5 copies"},
		{[]string{"--replicas", "3", "--cluster", "c", "--cluster-listen", ":6222", "--routes", "a:6222"}, "at most 2 servers"},
		{[]string{"--cluster", "c"}, "needs --cluster-listen"},
		{[]string{"--routes", "a:6222,b:6222"}, "need --cluster NAME"},
		{[]string{"--cluster", "c", "--cluster-listen", ":6222", "--nats", "nats://x:4222"}, "with --nats"},
		{[]string{"--leaf", "hub:7422", "--cluster", "c", "--cluster-listen", ":6222"}, "not both"},
		{[]string{"--leaf", "hub:7422", "--leaf-listen", ":7422"}, "does not accept leaf nodes"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, err := parseServe(tc.args, io.Discard)
			if !errors.Is(err, errUsage) || !errors.Is(err, host.ErrTopology) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a usage error saying %q", err, tc.want)
			}
		})
	}
}

func TestServeAcceptsAClusterOfThreeWithR3(t *testing.T) {
	f, err := parseServe([]string{"--cluster", "cim", "--cluster-listen", "0.0.0.0:6222", "--replicas", "3",
		"--routes", "a:6222,b:6222,c:6222"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if f.topo.Replicas != 3 || f.topo.Cluster != "cim" {
		t.Fatalf("parsed %+v", f.topo)
	}
}
