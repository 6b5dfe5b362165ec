package subject

import "strings"

// CompareSpecificity orders patterns by how specific they are: it returns
// a positive number when a is more specific than b, negative when less, 0
// when a == b.
//
// Tokens are compared left to right; at the first position where their
// kinds differ, a literal token beats '*', which beats '>'. With equal
// kinds all the way, the longer pattern is more specific, and two
// different patterns of the same shape are ordered by their text so that
// the order is total. The order extends set inclusion: when [Within](a, b)
// and a != b, a is more specific than b. So among the rules that match a
// subject, the greatest is the one that "most specifically" names it.
func CompareSpecificity(a, b string) int {
	ta, tb := split(a), split(b)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if d := rank(ta[i]) - rank(tb[i]); d != 0 {
			return d
		}
	}
	if d := len(ta) - len(tb); d != 0 {
		return d
	}
	return -strings.Compare(a, b)
}

func rank(tok string) int {
	switch tok {
	case Rest:
		return 0
	case One:
		return 1
	}
	return 2
}

// MostSpecific returns the most specific of patterns that matches subject,
// and false when none does.
func MostSpecific(patterns []string, subject string) (string, bool) {
	best, found := "", false
	for _, p := range patterns {
		if Match(p, subject) && (!found || CompareSpecificity(p, best) > 0) {
			best, found = p, true
		}
	}
	return best, found
}
