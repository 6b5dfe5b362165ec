package ecs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// Window of the test sessions: world (0,0) is at screen (400,300) until
// the camera moves.
const testW, testH = 800, 600

// tb is what sessions need of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// session plays input against an editor wired to a local service.
type session struct {
	t   tb
	ed  *Editor
	svc *LocalService
}

// seqIDs makes IDs "<prefix>-1", "<prefix>-2", ... (one counter).
func seqIDs() func(string) string {
	n := 0
	return func(p string) string { n++; return p + "-" + strconv.Itoa(n) }
}

func newSession(t tb, graphs ...*graph.Graph) *session {
	t.Helper()
	svc := NewLocalService(graphs...)
	ed := NewEditor(WithSize(testW, testH), WithSource(svc.Graph), WithIDs(seqIDs()))
	ed.Load(graphs[0])
	return &session{t: t, ed: ed, svc: svc}
}

// play runs a script, pumping the service after every tick.
func (s *session) play(script string) {
	s.t.Helper()
	sc, err := ParseScript(strings.NewReader(script))
	if err != nil {
		s.t.Fatal(err)
	}
	for _, in := range sc.Frames(testW, testH) {
		s.ed.Update(in)
		s.svc.Pump(s.ed)
	}
}

// commandTypes lists the command types the service received.
func (s *session) commandTypes() []string {
	var out []string
	for _, r := range s.svc.Log() {
		out = append(out, r.Cmd.CommandType())
	}
	return out
}

// node returns a node of the service's graph (the truth).
func (s *session) node(gid, id string) graph.Node {
	s.t.Helper()
	g, ok := s.svc.Graph(gid)
	if !ok {
		s.t.Fatalf("graph %q missing", gid)
	}
	n, ok := g.Node(id)
	if !ok {
		s.t.Fatalf("node %q missing from %q", id, gid)
	}
	return n
}

// sameAsService checks that the editor's projection equals the service.
func (s *session) sameAsService() {
	s.t.Helper()
	gid := s.ed.s.lookup.Graph
	want, _ := s.svc.Graph(gid)
	got := s.ed.Graph()
	if len(want.Nodes) != len(s.ed.s.lookup.Nodes) || len(want.Edges) != len(s.ed.s.lookup.Edges) {
		s.t.Fatalf("world has %d nodes %d edges, service %d nodes %d edges",
			len(s.ed.s.lookup.Nodes), len(s.ed.s.lookup.Edges), len(want.Nodes), len(want.Edges))
	}
	for _, n := range want.Nodes {
		v, ok := s.ed.Node(n.ID)
		if !ok || v.Committed != n.Pos || v.Label != n.Label || v.Kind != n.Kind || v.Ref != n.Ref {
			s.t.Fatalf("node %q: world %+v, service %+v", n.ID, v, n)
		}
	}
	if len(got.Nodes) != len(want.Nodes) {
		s.t.Fatalf("doc has %d nodes, service %d", len(got.Nodes), len(want.Nodes))
	}
}

// screen returns "X Y", where node id is drawn now.
func (s *session) screen(id string) string {
	s.t.Helper()
	v, ok := s.ed.Node(id)
	if !ok {
		s.t.Fatalf("node %q not in the world", id)
	}
	p := s.ed.Camera().ToScreen(v.Pos)
	return fmt.Sprintf("%g %g", p[0], p[1])
}

func sample() *graph.Graph {
	g := graph.New("g", "sample")
	for _, n := range []graph.Node{
		{ID: "a", Label: "A", Pos: graph.Point{X: 0, Y: 0}},
		{ID: "b", Label: "B", Pos: graph.Point{X: 120, Y: 0}},
		{ID: "c", Label: "C", Pos: graph.Point{X: 0, Y: 200}},
	} {
		_ = g.AddNode(n)
	}
	_ = g.AddEdge(graph.Edge{ID: "ab", From: "a", To: "b"})
	_ = g.AddEdge(graph.Edge{ID: "bc", From: "b", To: "c"})
	_ = g.AddEdge(graph.Edge{ID: "ca", From: "c", To: "a"})
	return g
}
