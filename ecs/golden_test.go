package ecs

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestScriptedSessions plays testdata/sessions/*.script and compares the
// commands sent, the replies and the final graphs with the .golden files.
func TestScriptedSessions(t *testing.T) {
	files, _ := filepath.Glob("testdata/sessions/*.script")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			root, sub := nested()
			start := []*graph.Graph{graph.New("g", "flow"), root, sub}
			if strings.Contains(f, "nested") {
				start = []*graph.Graph{root, sub}
			}
			s := newSession(t, start...)
			s.play(string(src))
			got := transcript(s, start)
			golden := strings.TrimSuffix(f, ".script") + ".golden"
			if *update {
				_ = os.WriteFile(golden, got, 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("transcript differs from %s (run with -update to accept):\n%s", golden, got)
			}
			s.sameAsService()
		})
	}
}

// transcript writes one JSON line per command with its outcome, then the
// final graphs.
func transcript(s *session, start []*graph.Graph) []byte {
	var b bytes.Buffer
	for _, r := range s.svc.Log() {
		cmd, _ := json.Marshal(r.Cmd)
		outcome := fmt.Sprintf("%d events", len(r.Events))
		if r.Err != nil {
			outcome = "refused: " + r.Err.Error()
		}
		fmt.Fprintf(&b, "%s %s -> %s\n", r.Cmd.CommandType(), cmd, outcome)
	}
	for _, g0 := range start {
		g, _ := s.svc.Graph(g0.ID)
		out, _ := json.Marshal(g)
		fmt.Fprintf(&b, "graph %s\n", out)
	}
	fmt.Fprintf(&b, "path %v\n", crumbGraphs(s.ed))
	return b.Bytes()
}
