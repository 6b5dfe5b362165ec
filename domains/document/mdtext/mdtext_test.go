package mdtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, src string
		width     int
		want      string
	}{
		{"heading levels", "# One\n## Two\n### Three #\ntext", 0, "One\n===\n\nTwo\n---\n\nThree\n\ntext"},
		{"setext", "Title\n=====\nbody", 0, "Title\n=====\n\nbody"},
		{"emphasis stripped", "*a* **b** ***c*** _d_ __e__ ~~f~~", 0, "a b c d e f"},
		{"marks that are not emphasis", "snake_case_name, 2 * 3, ~approx", 0, "snake_case_name, 2 * 3, ~approx"},
		{"code span kept", "run `a *b* c` now", 0, "run a *b* c now"},
		{"links and images", "see [the docs](http://x/y) and ![logo](l.png), <https://e.org>", 0, "see the docs and logo, https://e.org"},
		{"escapes and entities", `\*not emphasis\* &lt;tag&gt; &amp;`, 0, "*not emphasis* <tag> &"},
		{"html tags dropped", "a <b>bold</b> word<br/>", 0, "a bold word"},
		{"paragraph wraps", "one two three four five six", 9, "one two\nthree\nfour five\nsix"},
		{"long word cut", "abcdefghij", 4, "abcd\nefgh\nij"},
		{"hard break", "line one  \nline two\\\nthree", 0, "line one\nline two\nthree"},
		{"bullets nest", "- a\n- b\n  - c\n    - d\n- e", 0, "• a\n• b\n  • c\n    • d\n• e"},
		{"numbers kept", "1. a\n2) b", 0, "1. a\n2) b"},
		{"hanging indent", "- one two three", 8, "• one\n  two\n  three"},
		{"task list", "- [ ] todo\n- [x] done", 0, "• [ ] todo\n• [x] done"},
		{"loose list", "- a\n\n- b", 0, "• a\n• b"},
		{"fenced code kept", "```go\nif a  {\n\tb()\n}\n```\nafter", 5, "    if a  {\n        b()\n    }\nafter"},
		{"unclosed fence", "~~~\ncode", 0, "    code"},
		{"indented code", "para\n\n    x := 1\n    y  := 2\n\nend", 0, "para\n\n    x := 1\n    y  := 2\n\nend"},
		{"quote", "> quoted *text*\n> more", 0, "│ quoted text more"},
		{"nested quote", "> > deep", 0, "│ │ deep"},
		{"rule", "a\n\n***\nb", 10, "a\n\n──────────\n\nb"},
		{"table kept", "| a | *b* |\n|---|---|", 0, "| a | b |\n|---|---|"},
		{"blank lines collapse", "\n\n\na\n\n\n\nb\n\n", 0, "a\n\nb"},
		{"crlf", "# T\r\n\r\nx\r\n", 0, "T\n=\n\nx"},
		{"empty", "", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Render(tt.src, tt.width); got != tt.want {
				t.Errorf("Render(%q, %d) =\n%s\nwant\n%s", tt.src, tt.width, got, tt.want)
			}
		})
	}
}

// No input makes it panic; lines outside code and tables fit the width;
// the output has no blank line first or last, nor two in a row.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"# a\n- b\n  - c\n```\nx\n```", "> - a\n> > b", "*_~`[](<>)\\", "1. a\n   b\n\n2. c", "\t\tcode", "x\n---", "[a][b] ![c](d"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, src string, width int) {
		width %= 200
		lines := Lines(src, width)
		code := strings.Contains(src, "    ") || strings.Contains(src, "\t") || strings.Contains(src, "```") || strings.Contains(src, "~~~") || strings.Contains(src, "|")
		for i, l := range lines {
			if l == "" && (i == 0 || i == len(lines)-1 || lines[i-1] == "") {
				t.Fatalf("blank line %d of %q", i, lines)
			}
			if width >= 12 && !code && utf8.RuneCountInString(l) > width {
				t.Fatalf("line %q is over %d runes (from %q)", l, width, src)
			}
		}
	})
}
