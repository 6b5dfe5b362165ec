package mdtext

import (
	"strings"
)

// list renders the list that starts at lines[i]: each item's text
// (continuation lines joined) behind its bullet or number, nested by
// indentation, and returns the index after the list.
func (r *renderer) list(lines []string, i int) int {
	r.flush()
	var indents []int // the indentation of each open nesting level
	j := i
	for j < len(lines) {
		m := item.FindStringSubmatch(lines[j])
		if m == nil {
			break
		}
		indent := len(m[1])
		for len(indents) > 0 && indent < indents[len(indents)-1] {
			indents = indents[:len(indents)-1]
		}
		if len(indents) == 0 || indent > indents[len(indents)-1]+1 {
			indents = append(indents, indent)
		}
		text := []string{m[3]}
		for j++; j < len(lines) && continues(lines[j], indent); j++ {
			text = append(text, lines[j])
		}
		r.item(len(indents)-1, m[2], joinParagraph(text))
		if j < len(lines) && strings.TrimSpace(lines[j]) == "" && j+1 < len(lines) && item.MatchString(lines[j+1]) {
			j++ // a loose list: the blank line between items is dropped
		}
	}
	return j
}

// continues says whether line carries on the item indented by indent:
// a non-blank line that starts no new item, block or heading.
func continues(line string, indent int) bool {
	if strings.TrimSpace(line) == "" || item.MatchString(line) || fence.MatchString(line) || atx.MatchString(line) || quote.MatchString(line) {
		return false
	}
	return !rule.MatchString(line) || len(line)-len(strings.TrimLeft(line, " ")) > indent
}

// item writes one list item at a nesting depth with a hanging indent.
func (r *renderer) item(depth int, marker, text string) {
	bullet := "• "
	if marker[0] >= '0' && marker[0] <= '9' {
		bullet = marker + " "
	}
	if rest, ok := strings.CutPrefix(text, "[ ] "); ok {
		bullet, text = bullet+"[ ] ", rest
	} else if rest, ok := cutChecked(text); ok {
		bullet, text = bullet+"[x] ", rest
	}
	pad := strings.Repeat("  ", min(depth, 8))
	r.out.add(wrap(text, r.width, pad+bullet, pad+strings.Repeat(" ", runeLen(bullet)))...)
}

func cutChecked(text string) (string, bool) {
	if rest, ok := strings.CutPrefix(text, "[x] "); ok {
		return rest, true
	}
	return strings.CutPrefix(text, "[X] ")
}
