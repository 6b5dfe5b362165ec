package panes

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cimviz/cimviz/live/eventlog"
)

// FilterHint is the filter syntax in one line, shown under the field.
const FilterHint = "cim.graph.evt.>  ·  type:node_moved  ·  words  ·  text:a.b"

// ErrFilterSyntax marks filter text that names two subject patterns or
// two types, or a pattern NATS would refuse (then it also wraps
// eventlog.ErrBadFilter).
var ErrFilterSyntax = errors.New("filter")

// ParseFilter reads the log filter field. Words are separated by spaces:
//
//   - "type:X" selects the event or command type X;
//   - "subject:P", or a bare word with a dot or a wildcard ('*', '>'),
//     is the NATS subject pattern P;
//   - "text:W" and every other word are free text, looked for (all words
//     together, in order, ignoring case) in subject, type, aggregate,
//     headers and body.
//
// At most one subject and one type may be given.
func ParseFilter(s string) (eventlog.Filter, error) {
	var f eventlog.Filter
	var text []string
	for _, w := range strings.Fields(s) {
		key, val, ok := strings.Cut(w, ":")
		switch {
		case ok && key == "type":
			if err := setOnce(&f.Type, val, "type"); err != nil {
				return eventlog.Filter{}, err
			}
		case ok && key == "subject", !ok && isPattern(w):
			if !ok {
				val = w
			}
			if err := setOnce(&f.Subject, val, "subject"); err != nil {
				return eventlog.Filter{}, err
			}
		case ok && key == "text":
			if val != "" {
				text = append(text, val)
			}
		default:
			text = append(text, w)
		}
	}
	f.Text = strings.Join(text, " ")
	if err := f.Validate(); err != nil {
		return eventlog.Filter{}, fmt.Errorf("%w: %w", ErrFilterSyntax, err)
	}
	return f, nil
}

func setOnce(dst *string, val, name string) error {
	if *dst != "" {
		return fmt.Errorf("%w: only one %s (%q and %q)", ErrFilterSyntax, name, *dst, val)
	}
	*dst = val
	return nil
}

// isPattern: a bare word that reads as a subject, not as text.
func isPattern(w string) bool {
	return strings.ContainsAny(w, ".*>")
}

// FormatFilter writes f in the syntax ParseFilter reads (the field's
// text for a filter set by code).
func FormatFilter(f eventlog.Filter) string {
	var parts []string
	switch {
	case isPattern(f.Subject):
		parts = append(parts, f.Subject)
	case f.Subject != "":
		parts = append(parts, "subject:"+f.Subject)
	}
	if f.Type != "" {
		parts = append(parts, "type:"+f.Type)
	}
	for _, w := range strings.Fields(f.Text) {
		if isPattern(w) || strings.Contains(w, ":") {
			w = "text:" + w
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}
