package expr

import "testing"

// FuzzParse: no input makes Parse or Eval panic, and whatever parses has a
// canonical form that parses to the same canonical form.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"amount > 100", "a.b.c == 'x'", `not (x || y) && z != "q\n"`, "((((true))))",
		"1 < 2", "order.items >= 4 and region == 'eu'", "!!!a", "'", "a..b", "(", "1.5.5",
		"x == 'é'", "\t a \r\n== 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			return
		}
		_, _ = e.Eval(testCtx)
		again, err := Parse(e.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", e.String(), src, err)
		}
		if again.String() != e.String() {
			t.Fatalf("canonical form changed: %q -> %q", e.String(), again.String())
		}
	})
}
