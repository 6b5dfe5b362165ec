package mdtext

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into lines of at most width runes, the first behind
// first and the rest behind rest; "\n" in text is a hard break. A word
// longer than a line is cut. width < 1: no wrapping.
func wrap(text string, width int, first, rest string) []string {
	var out []string
	prefix := first
	for _, para := range strings.Split(text, "\n") {
		line, n := prefix, runeLen(prefix)
		empty := true
		for _, w := range strings.Fields(para) {
			wl := runeLen(w)
			if !empty && width > 0 && n+1+wl > width {
				out = append(out, line)
				prefix = rest
				line, n, empty = prefix, runeLen(prefix), true
			}
			if !empty {
				line, n = line+" ", n+1
			}
			for width > 0 && n+wl > width && wl > 1 && width > runeLen(prefix) {
				k := width - n
				cut := cutAt(w, k)
				if cut == 0 {
					break
				}
				out = append(out, line+w[:cut])
				prefix = rest
				w, wl = w[cut:], wl-min(k, wl)
				line, n = prefix, runeLen(prefix)
			}
			line, n, empty = line+w, n+wl, false
		}
		out = append(out, strings.TrimRight(line, " "))
		prefix = rest
	}
	return out
}

// cutAt is the byte index after the first n runes of s.
func cutAt(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// output gathers lines, never two blank lines in a row nor a blank one
// first; lines drops a trailing blank.
type output struct{ buf []string }

func (o *output) add(lines ...string) {
	for _, l := range lines {
		if l == "" {
			o.blank()
		} else {
			o.buf = append(o.buf, l)
		}
	}
}

func (o *output) blank() {
	if len(o.buf) > 0 && o.buf[len(o.buf)-1] != "" {
		o.buf = append(o.buf, "")
	}
}

func (o *output) lines() []string {
	out := o.buf
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
