package workflow

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCompile: no graph file makes decoding or validation panic, and a
// graph that compiles runs: a started instance either waits or ended.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("templates/*.json")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"id":"w","nodes":[{"id":"s","kind":"start"},{"id":"e","kind":"end"}],"edges":[{"id":"1","from":"s","to":"e"}]}`))
	f.Add([]byte(`{"id":"w","nodes":[{"id":"s","kind":"start"}],"edges":[{"id":"1","from":"s","to":"x"}]}`))
	f.Add([]byte(`{"nodes":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := DecodeGraph(data)
		if err != nil {
			return
		}
		d, err := Compile(g, 1)
		if err != nil {
			return
		}
		in, _, err := Decide(&Instance{}, d, StartInstance{Instance: "i", Workflow: d.Workflow})
		if err != nil {
			t.Fatalf("a valid workflow did not start: %v", err)
		}
		if in.State == Running && len(in.Active()) == 0 {
			t.Fatalf("running with nothing to do")
		}
	})
}

// FuzzDecodeEvent: no event body makes decoding or replay panic.
func FuzzDecodeEvent(f *testing.F) {
	f.Add(EvtInstanceStarted, []byte(`{"workflow":"w","version":1,"context":{"n":1}}`))
	f.Add(EvtStepCompleted, []byte(`{"step":"a","outputs":{"x":true},"next":["e1"]}`))
	f.Add(EvtBranchArrived, []byte(`{"step":"j","edge":"e2"}`))
	f.Add(EvtFailed, []byte(`null`))
	f.Add("nonsense", []byte(`{"step":5}`))
	f.Fuzz(func(t *testing.T, typ string, body []byte) {
		e, err := DecodeEvent(typ, body)
		if err != nil {
			return
		}
		Replay("i", []Event{e, e})
	})
}
