package ecs

import (
	"slices"
	"strings"
	"unicode"
)

// ActionMatch is one palette result: an action and how well it matched.
type ActionMatch struct {
	Action Action
	Score  int
}

// SearchActions is the command palette's fuzzy search: every action for
// which each word of the query holds its letters in order in the name or
// the description, best first. A match in the name beats one in the
// description; consecutive letters and letters at word starts score
// higher. An empty query lists all actions in table order.
func SearchActions(km Keymap, query string) []ActionMatch {
	words := strings.Fields(strings.ToLower(query))
	out := make([]ActionMatch, 0, len(km))
	for _, a := range km {
		if s, ok := actionScore(a, words); ok {
			out = append(out, ActionMatch{Action: a, Score: s})
		}
	}
	slices.SortStableFunc(out, func(x, y ActionMatch) int { return y.Score - x.Score })
	return out
}

func actionScore(a Action, words []string) (int, bool) {
	name, desc, total := strings.ToLower(a.Name), strings.ToLower(a.Desc), 0
	for _, w := range words {
		s, ok := fuzzyScore(name, w)
		if ok {
			s += 100
		} else if s, ok = fuzzyScore(desc, w); !ok {
			return 0, false
		}
		total += s
	}
	return total, true
}

// fuzzyScore matches the runes of q in order inside s.
func fuzzyScore(s, q string) (int, bool) {
	if q == "" {
		return 0, true
	}
	sr, qr := []rune(s), []rune(q)
	score, qi, prev := 0, 0, -2
	for i := 0; i < len(sr) && qi < len(qr); i++ {
		if sr[i] != qr[qi] {
			continue
		}
		score += 1 + letterBonus(sr, i, prev)
		prev, qi = i, qi+1
	}
	if qi < len(qr) {
		return 0, false
	}
	return score - len(sr)/8, true
}

func letterBonus(s []rune, i, prev int) int {
	b := 0
	if i == prev+1 {
		b += 5
	}
	if i == 0 || !unicode.IsLetter(s[i-1]) {
		b += 3
	}
	return b
}
