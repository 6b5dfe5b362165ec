package wfservice

import (
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/workflow"
)

func TestTheSubjectNamesTheInstance(t *testing.T) {
	c, _, err := decodeCommand(workflow.TypeCompleteStep, "real", []byte(`{"instance":"other","step":"a","outputs":{"x":1}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := c.(workflow.CompleteStep)
	if got.Instance != "real" || got.Step != "a" || got.Outputs["x"] != 1.0 {
		t.Errorf("decoded %+v, want step a of instance real with x=1", got)
	}
	if _, _, err := decodeCommand("teleport", "i", nil); !errors.Is(err, workflow.ErrInvalid) {
		t.Errorf("unknown command: %v", err)
	}
}

// FuzzDecodeCommand: no command body makes decoding panic, and whatever
// decodes is about the subject's instance.
func FuzzDecodeCommand(f *testing.F) {
	for _, s := range []struct{ typ, body string }{
		{"complete_step", `{"step":"a","outputs":{"x":1}}`}, {"fail_step", `{"step":"a","reason":"r","attempt":2}`},
		{"start_instance", `{"workflow":"w","context":{"n":3}}`}, {"pause", ``}, {"cancel", `null`},
		{"approve", `{"step":"s","by":"ann"}`}, {"reject", `[1,2]`}, {"create_instance", `{"workflow":5}`},
		{"start_draft", `{}`}, {"skip_step", `"x"`}, {"retry_step", `{"step":`},
	} {
		f.Add(s.typ, s.body)
	}
	f.Fuzz(func(t *testing.T, typ, body string) {
		c, _, err := decodeCommand(typ, "i1", []byte(body))
		if err == nil && c.Target() != "i1" {
			t.Fatalf("%s %q decoded for instance %q", typ, body, c.Target())
		}
	})
}
