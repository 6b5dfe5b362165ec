package mdtext

import (
	"regexp"
	"strings"
)

var (
	atx      = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	setext   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	rule     = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	item     = regexp.MustCompile(`^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)`)
	fence    = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	quote    = regexp.MustCompile(`^ {0,3}> ?`)
	tableRow = regexp.MustCompile(`^ {0,3}\|`)
)

// maxQuotes bounds the nesting of block quotes; deeper '>' are text.
const maxQuotes = 16

// Render is src as plain text wrapped to width runes (width < 1: no
// wrapping), lines joined by "\n".
func Render(src string, width int) string { return strings.Join(Lines(src, width), "\n") }

// Lines is src as plain text lines of at most width runes (but for code,
// tables and words longer than width), no blank line first or last and
// never two blank lines in a row.
func Lines(src string, width int) []string {
	r := &renderer{width: width}
	r.blocks(splitLines(src))
	return r.out.lines()
}

// splitLines splits on \n, \r\n or \r, with tabs as four spaces.
func splitLines(src string) []string {
	src = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", "    ").Replace(src)
	return strings.Split(src, "\n")
}

type renderer struct {
	width int
	depth int // block quotes around this one
	out   output
	para  []string // the paragraph being gathered
}

// blocks renders a run of lines block by block.
func (r *renderer) blocks(lines []string) {
	for i := 0; i < len(lines); {
		i = r.block(lines, i)
	}
	r.flush()
}

// block renders the block that starts at lines[i] and returns the index
// after it.
func (r *renderer) block(lines []string, i int) int {
	line := lines[i]
	switch {
	case strings.TrimSpace(line) == "":
		r.flush()
		r.out.blank()
	case len(r.para) > 0 && setext.MatchString(line):
		level := 1
		if strings.TrimSpace(line)[0] == '-' {
			level = 2
		}
		text := strings.Join(r.para, " ")
		r.para = nil
		r.heading(level, text)
	case fence.MatchString(line):
		return r.fenced(lines, i)
	case len(r.para) == 0 && strings.HasPrefix(line, "    "):
		return r.indented(lines, i)
	case atx.MatchString(line):
		r.flush()
		m := atx.FindStringSubmatch(line)
		r.heading(len(m[1]), m[2])
	case rule.MatchString(line):
		r.flush()
		r.out.blank()
		r.out.add(strings.Repeat("─", r.ruleWidth()))
		r.out.blank()
	case quote.MatchString(line) && r.depth < maxQuotes:
		return r.quoted(lines, i)
	case item.MatchString(line):
		return r.list(lines, i)
	case tableRow.MatchString(line):
		r.flush()
		r.out.add(strings.TrimSpace(Inline(line)))
	default:
		r.para = append(r.para, line)
	}
	return i + 1
}

// flush wraps the gathered paragraph into the output.
func (r *renderer) flush() {
	if len(r.para) == 0 {
		return
	}
	r.out.add(wrap(joinParagraph(r.para), r.width, "", "")...)
	r.para = nil
}

// joinParagraph joins a paragraph's lines, keeping hard breaks (two
// trailing spaces or a backslash) as "\n".
func joinParagraph(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		hard := strings.HasSuffix(l, "  ") || (strings.HasSuffix(l, `\`) && !strings.HasSuffix(l, `\\`))
		l = strings.TrimSpace(l)
		if hard {
			l = strings.TrimSuffix(l, `\`)
		}
		b.WriteString(Inline(l))
		switch {
		case i == len(lines)-1:
		case hard:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func (r *renderer) heading(level int, text string) {
	text = strings.TrimSpace(Inline(text))
	r.out.blank()
	lines := wrap(text, r.width, "", "")
	r.out.add(lines...)
	if level <= 2 && text != "" {
		mark := "="
		if level == 2 {
			mark = "-"
		}
		longest := 0
		for _, l := range lines {
			longest = max(longest, runeLen(l))
		}
		r.out.add(strings.Repeat(mark, longest))
	}
	r.out.blank()
}

func (r *renderer) ruleWidth() int {
	if r.width < 1 {
		return 40
	}
	return min(r.width, 40)
}

// fenced keeps a fenced code block's lines, indented by four spaces, up
// to the closing fence (or the end).
func (r *renderer) fenced(lines []string, i int) int {
	r.flush()
	open := fence.FindStringSubmatch(lines[i])[1]
	indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
	j := i + 1
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if strings.HasPrefix(t, open) && strings.Trim(t, open[:1]) == "" {
			break
		}
		r.out.add("    " + strings.TrimRight(trimIndent(lines[j], indent), " "))
	}
	return j + 1
}

// trimIndent removes up to n leading spaces.
func trimIndent(s string, n int) string {
	for n > 0 && strings.HasPrefix(s, " ") {
		s, n = s[1:], n-1
	}
	return s
}

// indented keeps an indented code block's lines as they are.
func (r *renderer) indented(lines []string, i int) int {
	j := i
	for ; j < len(lines) && (strings.HasPrefix(lines[j], "    ") || strings.TrimSpace(lines[j]) == ""); j++ {
	}
	for j > i && strings.TrimSpace(lines[j-1]) == "" {
		j--
	}
	for _, l := range lines[i:j] {
		r.out.add(strings.TrimRight(l, " "))
	}
	return j
}

// quoted renders a block quote's inside, narrower, behind a bar.
func (r *renderer) quoted(lines []string, i int) int {
	r.flush()
	var inner []string
	j := i
	for ; j < len(lines) && quote.MatchString(lines[j]); j++ {
		inner = append(inner, quote.ReplaceAllString(lines[j], ""))
	}
	width := r.width
	if width > 0 {
		width = max(width-2, 1)
	}
	in := &renderer{width: width, depth: r.depth + 1}
	in.blocks(inner)
	for _, l := range in.out.lines() {
		r.out.add(strings.TrimRight("│ "+l, " "))
	}
	return j
}
