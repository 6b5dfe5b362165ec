package rule

import (
	"context"
	"errors"
	"testing"
)

// Any expression compiles or is an ErrRule, and a compiled one evaluated
// on any payload and state yields a bool or an ErrEval: never a panic.
func FuzzCompileEval(f *testing.F) {
	for _, s := range [][3]string{
		{`command.type == "rename"`, `{}`, `{}`},
		{`"manager" in actor.roles`, `{"name":"x"}`, `null`},
		{`command.payload.by > 5`, `{"by":7}`, `[]`},
		{`state.items.exists(i, i.size() > 2)`, `{}`, `{"items":["a","bcd"]}`},
		{`now.getHours("Europe/Berlin") < 9`, ``, ``},
		{`now.getHours("Nowhere/Else") < 9`, `{`, `{"a":`},
		{`state.name`, `{}`, `{"name":1}`},
		{`command.payload.a.b.c == 1.0`, `{"a":{"b":{"c":1}}}`, `{}`},
		{`(1/0) > 0`, `{}`, `{}`},
		{`"a".matches("(")`, `{}`, `{}`},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, src, payload, state string) {
		p, err := Compile(src)
		if err != nil {
			if !errors.Is(err, ErrRule) {
				t.Fatalf("%q: compile error %v is not an ErrRule", src, err)
			}
			return
		}
		in := input("rename", payload, Claim{Role: "manager", Scope: "unit:sales"})
		in.State = func() ([]byte, error) { return []byte(state), nil }
		if _, err := p.Eval(context.Background(), in); err != nil && !errors.Is(err, ErrEval) {
			t.Fatalf("%q: eval error %v is not an ErrEval", src, err)
		}
	})
}
