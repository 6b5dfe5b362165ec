package codec

import "strings"

// mermaidLink is an edge's look: `<` at the start, the line (- . = ~) and
// the head (> o x, or none).
type mermaidLink struct {
	both       bool
	line, head byte
}

// kind names the link: "" for -->, else parts such as "dotted", "thick",
// "line" (no head), "circle", "cross", "bi" joined by '-'.
func (l mermaidLink) kind() string {
	var parts []string
	if l.both {
		parts = append(parts, "bi")
	}
	parts = append(parts, map[byte]string{'.': "dotted", '=': "thick", '~': "invisible"}[l.line])
	if l.line != '~' {
		parts = append(parts, map[byte]string{0: "line", 'o': "circle", 'x': "cross"}[l.head])
	}
	return strings.Join(nonBlank(parts), "-")
}

func nonBlank(s []string) []string {
	out := s[:0]
	for _, p := range s {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// linkFor is the inverse of kind; unknown kinds draw as -->.
func linkFor(kind string) mermaidLink {
	l := mermaidLink{line: '-', head: '>'}
	for _, part := range strings.Split(kind, "-") {
		switch part {
		case "bi":
			l.both = true
		case "dotted":
			l.line = '.'
		case "thick":
			l.line = '='
		case "invisible":
			l.line, l.head = '~', 0
		case "line":
			l.head = 0
		case "circle":
			l.head = 'o'
		case "cross":
			l.head = 'x'
		}
	}
	return l
}

// arrow writes the link, with label in pipes when there is one.
func (l mermaidLink) arrow(label string) string {
	body := map[byte][2]string{'-': {"--", "---"}, '.': {"-.-", "-.-"}, '=': {"==", "==="}, '~': {"~~~", "~~~"}}[l.line]
	s := body[1]
	if l.head != 0 && l.line != '~' {
		s = body[0] + string(l.head)
	}
	if l.both && l.head != 0 && l.line != '~' {
		s = string(map[byte]byte{'>': '<', 'o': 'o', 'x': 'x'}[l.head]) + s
	}
	return s + withLabel(label)
}

func withLabel(label string) string {
	if label == "" {
		return ""
	}
	return `|"` + mermaidEscape(label) + `"|`
}

// readLink reads an arrow and its label (`-->|text|` or `-- text -->`).
func readLink(c *mermaidCursor) (mermaidLink, string, bool) {
	l, ok := readArrow(c)
	if !ok {
		return l.mermaidLink, "", false
	}
	if l.head == 0 && l.line != '~' && c.peek() == ' ' && l.textOpener {
		return readTextLink(c, l.mermaidLink)
	}
	c.space()
	if c.peek() == '|' {
		c.i++
		text, _, ok := c.textUntil("|")
		return l.mermaidLink, text, ok
	}
	return l.mermaidLink, "", true
}

type arrowRead struct {
	mermaidLink
	textOpener bool // exactly "--", "==" or "-." with nothing after: a label follows
}

func readArrow(c *mermaidCursor) (arrowRead, bool) {
	var a arrowRead
	start := c.i
	if c.peek() == '<' || (c.peek() == 'o' || c.peek() == 'x') && c.i+1 < len(c.s) && strings.ContainsRune("-=", rune(c.s[c.i+1])) {
		a.both = true
		c.i++
	}
	a.line = c.peek()
	if a.line != '-' && a.line != '=' && a.line != '~' {
		c.i = start
		return a, false
	}
	n := runOf(c, a.line)
	if a.line == '-' && c.peek() == '.' {
		a.line = '.'
		runOf(c, '.')
		runOf(c, '-')
	}
	if n < 2 && a.line != '.' {
		c.i = start
		return a, false
	}
	a.head = headAt(c)
	a.textOpener = a.head == 0 && ((n == 2 && a.line != '.') || (a.line == '.' && c.s[c.i-1] == '.'))
	return a, true
}

func runOf(c *mermaidCursor, b byte) int {
	n := 0
	for c.peek() == b {
		c.i++
		n++
	}
	return n
}

// headAt reads an arrow head; 'o' and 'x' count only before a space or an
// end, so that `A---oB` is not taken apart wrongly.
func headAt(c *mermaidCursor) byte {
	h := c.peek()
	if h == '>' {
		c.i++
		return h
	}
	if (h == 'o' || h == 'x') && (c.i+1 == len(c.s) || c.s[c.i+1] == ' ' || c.s[c.i+1] == '|') {
		c.i++
		return h
	}
	return 0
}

// readTextLink reads `-- text -->`, `== text ==>` and `-. text .->` after
// the opener.
func readTextLink(c *mermaidCursor, open mermaidLink) (mermaidLink, string, bool) {
	body := map[byte]string{'-': "--", '=': "==", '.': ".-"}[open.line]
	k := strings.Index(c.rest(), body)
	if k < 0 {
		return open, "", false
	}
	label := mermaidUnescape(strings.Trim(strings.TrimSpace(c.s[c.i:c.i+k]), `"`))
	c.i += k + len(body)
	runOf(c, body[len(body)-1])
	return mermaidLink{both: open.both, line: open.line, head: headAt(c)}, label, true
}

var (
	mermaidUnescaper = strings.NewReplacer("<br>", "\n", "<br/>", "\n", "<br />", "\n", "#quot;", `"`, "#35;", "#")
	mermaidEscaper   = strings.NewReplacer("#", "#35;", `"`, "#quot;", "\n", "<br>")
)

// mermaidUnescape turns <br> into line breaks and #quot; into quotes.
func mermaidUnescape(s string) string { return mermaidUnescaper.Replace(s) }

func mermaidEscape(s string) string { return mermaidEscaper.Replace(s) }
