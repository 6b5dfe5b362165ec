package rule

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

var monday10 = time.Date(2030, 1, 7, 10, 0, 0, 0, time.UTC)

func input(typ, payload string, claims ...Claim) *Input {
	return &Input{
		Command: Command{Domain: "counter", Type: typ, Aggregate: "c1", Actor: "person-ada", Payload: []byte(payload)},
		Actor:   Actor{ID: "person-ada", Known: true, Kind: "person", State: "verified", Claims: claims},
		State:   func() ([]byte, error) { return []byte(`{"name":"visits","value":3}`), nil },
		Version: 2, Now: monday10,
	}
}

// Given an input, when a rule is evaluated, then this result or error.
func TestEval(t *testing.T) {
	manager := Claim{Role: "manager", Scope: "unit:sales"}
	tests := []struct {
		name, rule string
		in         *Input
		want       bool
		err        error
	}{
		{"command type", `command.type == "rename"`, input("rename", `{}`), true, nil},
		{"payload field", `command.payload.name == "hits"`, input("rename", `{"name":"hits"}`), true, nil},
		{"payload number is a double", `command.payload.by > 5`, input("increment", `{"by":7}`), true, nil},
		{"payload int compare", `int(command.payload.by) == 7`, input("increment", `{"by":7}`), true, nil},
		{"payload not an object", `command.payload.size() == 0`, input("rename", `[1]`), true, nil},
		{"role held", `"manager" in actor.roles`, input("rename", `{}`, manager), true, nil},
		{"role missing", `"manager" in actor.roles`, input("rename", `{}`), false, nil},
		{"claim in scope", `actor.claims.exists(c, c.role == "manager" && c.scope.startsWith("unit:"))`, input("rename", `{}`, manager), true, nil},
		{"state", `state.name == "visits" && version == 2`, input("rename", `{}`), true, nil},
		{"business hours", `now.getHours("UTC") >= 9 && now.getHours("UTC") < 17`, input("rename", `{}`), true, nil},
		{"weekday", `now.getDayOfWeek("UTC") in [0, 6]`, input("rename", `{}`), false, nil},
		{"strings extension", `command.payload.name.lowerAscii() == "hits"`, input("rename", `{"name":"HITS"}`), true, nil},
		{"missing key", `command.payload.name == "x"`, input("rename", `{}`), false, ErrEval},
		{"has() guards", `has(command.payload.name) && command.payload.name == "x"`, input("rename", `{}`), false, nil},
		{"dyn not bool at run time", `state.name`, input("rename", `{}`), false, ErrEval},
		{"unknown principal", `actor.known`, &Input{}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Eval(context.Background(), tt.in)
			if !errors.Is(err, tt.err) || (tt.err == nil && got != tt.want) {
				t.Fatalf("= %v, %v; want %v, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

// Compile refuses what is not a bool rule, naming the position.
func TestCompileErrors(t *testing.T) {
	tests := []struct{ rule, want string }{
		{`command.type == `, "1:17"},
		{`command.type == "x" &&`, "1:23"},
		{"command.type == \"x\" &&\n  nosuch.field", "2:3"},
		{`1 + 2`, "not bool"},
		{`"text"`, "not bool"},
		{`size(command) == "x"`, "found no matching overload"},
		{``, "empty"},
		{strings.Repeat("true && ", 600) + "true", "limit"},
	}
	for _, tt := range tests {
		_, err := Compile(tt.rule)
		var ce *CompileError
		if !errors.Is(err, ErrRule) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want ErrRule mentioning %q", tt.rule, err, tt.want)
		}
		if errors.As(err, &ce) && (len(ce.Issues) == 0 || ce.Issues[0].Line < 1) {
			t.Errorf("%q: issues %+v", tt.rule, ce.Issues)
		}
	}
}

// A rule that runs too long is stopped by the cost limit.
func TestCostLimit(t *testing.T) {
	p, err := Compile(`[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, a+b+c+d+e > 0)))))`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Eval(context.Background(), input("rename", `{}`)); !errors.Is(err, ErrEval) || !strings.Contains(err.Error(), "cost") {
		t.Fatalf("err = %v, want a cost error", err)
	}
}

// State is decoded once however many rules read it, and not at all when
// none does.
func TestStateDecodedLazily(t *testing.T) {
	calls := 0
	in := input("rename", `{}`)
	in.State = func() ([]byte, error) { calls++; return []byte(`{"name":"visits"}`), nil }
	for _, src := range []string{`command.type == "rename"`, `state.name == "visits"`, `state.name != "x"`} {
		p, err := Compile(src)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := p.Eval(context.Background(), in); !ok || err != nil {
			t.Fatalf("%s: %v %v", src, ok, err)
		}
		if src == `command.type == "rename"` && calls != 0 {
			t.Fatal("state decoded for a rule that does not read it")
		}
	}
	if calls != 1 {
		t.Fatalf("state decoded %d times, want once", calls)
	}
}
