package mdtext

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	image    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	link     = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	autolink = regexp.MustCompile(`<((?:https?|mailto|ftp):[^>\s]*)>`)
	tag      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
)

// Inline is one line's text with its inline Markdown stripped: code spans
// kept as they are, images as their alt text, links as their text, HTML
// tags dropped, entities decoded, emphasis marks removed, backslash
// escapes undone.
func Inline(s string) string {
	var b strings.Builder
	for s != "" {
		start := strings.IndexByte(s, '`')
		if start < 0 {
			b.WriteString(plain(s))
			break
		}
		ticks := len(s[start:]) - len(strings.TrimLeft(s[start:], "`"))
		end := strings.Index(s[start+ticks:], s[start:start+ticks])
		if end < 0 {
			b.WriteString(plain(s))
			break
		}
		b.WriteString(plain(s[:start]))
		b.WriteString(strings.TrimSpace(s[start+ticks : start+ticks+end]))
		s = s[start+ticks+end+ticks:]
	}
	return b.String()
}

// plain strips the marks from text that holds no code span.
func plain(s string) string {
	s = image.ReplaceAllString(s, "$1")
	s = link.ReplaceAllString(s, "$1")
	s = autolink.ReplaceAllString(s, "$1")
	s = tag.ReplaceAllString(s, "")
	return html.UnescapeString(emphasis(s))
}

// emphasis drops runs of '*' and '~' and word-edge runs of '_', unless a
// run stands alone between spaces (2 * 3); a backslash escapes the next
// punctuation.
func emphasis(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c != '*' && c != '_' && c != '~' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		before, after := runeBefore(s, i), runeAfter(s, j)
		alone := unicode.IsSpace(before) && unicode.IsSpace(after)
		intraword := c == '_' && isWord(before) && isWord(after)
		single := c == '~' && j-i == 1
		if alone || intraword || single {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// isPunct is ASCII punctuation, which a backslash escapes.
func isPunct(c byte) bool { return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 }

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runeBefore is the rune before s[i] (a space at the start).
func runeBefore(s string, i int) rune {
	if i == 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAfter is the rune at s[j] (a space at the end).
func runeAfter(s string, j int) rune {
	if j >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return r
}
