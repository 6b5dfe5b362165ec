package canvas

import (
	"testing"

	"pgregory.net/rapid"
)

// Text width is additive and truncated labels fit their box.
func TestTextMeasureAndFit(t *testing.T) {
	g := testGlyphs
	rapid.Check(t, func(t *rapid.T) {
		a, b := rapid.String().Draw(t, "a"), rapid.String().Draw(t, "b")
		size := rapid.Float32Range(6, 40).Draw(t, "size")
		wa, wb, wab := g.Measure(FaceLabel, a, size), g.Measure(FaceLabel, b, size), g.Measure(FaceLabel, a+b, size)
		if d := wab - wa - wb; d > 0.01*wab+0.01 || d < -0.01*wab-0.01 {
			t.Fatalf("width(a+b)=%v, width(a)+width(b)=%v", wab, wa+wb)
		}
		maxW := rapid.Float32Range(0, 300).Draw(t, "maxW")
		if s := g.truncate(FaceLabel, a, maxW, size); s != a && g.Measure(FaceLabel, s, size) > maxW+0.01 {
			t.Fatalf("truncated %q to %q, %v wide > %v", a, s, g.Measure(FaceLabel, s, size), maxW)
		}
	})
}

func TestTruncateKeepsShortLabels(t *testing.T) {
	g := testGlyphs
	for _, tc := range []struct {
		in   string
		maxW float32
		want string
	}{
		{"Ship", 500, "Ship"},
		{"Validate the order", 60, "Valid…"},
		{"Validate", 1, ""},
	} {
		got := g.truncate(FaceUI, tc.in, tc.maxW, 14)
		if tc.want == "Valid…" {
			if got == tc.in || len([]rune(got)) < 2 || []rune(got)[len([]rune(got))-1] != '…' {
				t.Errorf("truncate(%q, %v) = %q, want a prefix with an ellipsis", tc.in, tc.maxW, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("truncate(%q, %v) = %q, want %q", tc.in, tc.maxW, got, tc.want)
		}
	}
}

// Runes outside ASCII are baked on first use (the atlas version grows) and
// runes the font lacks fall back to '?' instead of vanishing.
func TestGlyphsBakeOnDemand(t *testing.T) {
	g, err := NewGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	v := g.Version()
	if g.Measure(FaceUI, "é", 14) <= 0 || g.Version() == v {
		t.Errorf("é not baked: width %v, version %d -> %d", g.Measure(FaceUI, "é", 14), v, g.Version())
	}
	if w := g.Measure(FaceUI, "\U0001F600", 14); w != g.Measure(FaceUI, "?", 14) {
		t.Errorf("missing rune measures %v, want the width of '?'", w)
	}
}
