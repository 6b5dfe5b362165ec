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

// SearchActions is the command palette's fuzzy search: every action whose
// name or description holds the query's letters in order, best first. A
// match in the name beats one in the description; consecutive letters and
// letters at word starts score higher. An empty query lists all actions in
// table order.
func SearchActions(km Keymap, query string) []ActionMatch {
	q := strings.ToLower(strings.TrimSpace(query))
	out := make([]ActionMatch, 0, len(km))
	for _, a := range km {
		s, ok := fuzzyScore(strings.ToLower(a.Name), q)
		if ok {
			s += 1000
		} else if s, ok = fuzzyScore(strings.ToLower(a.Desc), q); !ok {
			continue
		}
		out = append(out, ActionMatch{Action: a, Score: s})
	}
	slices.SortStableFunc(out, func(x, y ActionMatch) int { return y.Score - x.Score })
	return out
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
