package simulate

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

func TestEveryTemplateRunsToTheEnd(t *testing.T) {
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	svc, err := wfservice.Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	for _, name := range workflow.Templates() {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			cfg := Config{Workflow: name, Instances: 6, Rate: 200, Seed: 7, MaxStep: 3 * time.Millisecond,
				FailRate: 0.2, RejectRate: 0.2, Workers: 8, Progress: 50 * time.Millisecond}
			sum, err := Run(ctx, nc, cfg, &out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if sum.Started != 6 || sum.Ended() != 6 || sum.Events == 0 {
				t.Fatalf("summary %v: want 6 started and ended", sum)
			}
			if !strings.Contains(out.String(), "started 6") {
				t.Errorf("progress output lacks the final line:\n%s", out.String())
			}
		})
	}
}

func TestConfigIsChecked(t *testing.T) {
	good := Config{Workflow: "w", Instances: 1, Rate: 1}
	bad := map[string]func(*Config){
		"no workflow":    func(c *Config) { c.Workflow = "" },
		"no instances":   func(c *Config) { c.Instances = 0 },
		"no rate":        func(c *Config) { c.Rate = 0 },
		"durations":      func(c *Config) { c.MinStep, c.MaxStep = time.Second, time.Millisecond },
		"always failing": func(c *Config) { c.FailRate = 1 },
	}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range bad {
		c := good
		spoil(&c)
		if err := c.Validate(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", name, err)
		}
	}
}
