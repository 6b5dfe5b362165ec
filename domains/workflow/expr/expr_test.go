package expr

import (
	"errors"
	"testing"
)

var testCtx = Context{
	"amount":   250.0,
	"count":    3,
	"region":   "eu",
	"approved": true,
	"order":    map[string]any{"priority": "high", "items": 4.0, "express": false},
	"nothing":  nil,
}

func TestEvalConditions(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"amount > 100", true},
		{"amount >= 250", true},
		{"amount < 250", false},
		{"amount <= 249.5", false},
		{"count == 3", true},
		{"count != 3", false},
		{"region == 'eu'", true},
		{`region == "us"`, false},
		{"region < 'fr'", true},
		{"approved", true},
		{"not approved", false},
		{"!approved", false},
		{"!!approved", true},
		{"order.priority == 'high' and order.items > 3", true},
		{"order.priority == 'low' or order.express", false},
		{"order.express || approved && amount > 1", true},
		{"(order.express || approved) && amount > 1000", false},
		{"not (amount > 100 and region == 'eu')", false},
		{"true and not false", true},
		{"approved == true", true},
		{`'it\'s' == "it's"`, true},
		{"order.express and missing.value", false}, // short-circuit
		{"approved or missing", true},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, err := e.Bool(testCtx)
			if err != nil {
				t.Fatalf("Bool: %v", err)
			}
			if got != tt.want {
				t.Errorf("%s = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}

func TestErrorsNameTheColumn(t *testing.T) {
	tests := []struct {
		src  string
		kind error
		col  int
	}{
		{"", ErrSyntax, 1},
		{"   ", ErrSyntax, 4},
		{"amount >", ErrSyntax, 9},
		{"amount > 1 +", ErrSyntax, 12},
		{"amount = 1", ErrSyntax, 8},
		{"(amount > 1", ErrSyntax, 12},
		{"amount > 1)", ErrSyntax, 11},
		{"'open", ErrSyntax, 1},
		{"a == 'x\\q'", ErrSyntax, 8},
		{"1 < 2 < 3", ErrSyntax, 7},
		{"order. items", ErrSyntax, 6},
		{"order..items", ErrSyntax, 6},
		{"order.", ErrSyntax, 6},
		{"12abc", ErrSyntax, 3},
		{"1.2.3 == x", ErrSyntax, 1},
		{"call()", ErrSyntax, 5},
		{"amount > 'x'", ErrType, 8},
		{"region and approved", ErrType, 1},
		{"not amount", ErrType, 5},
		{"amount", ErrType, 1},
		{"approved < false", ErrType, 10},
		{"missing == 1", ErrUndefined, 1},
		{"order.colour == 'red'", ErrUndefined, 1},
		{"region.x == 1", ErrUndefined, 1},
		{"nothing == 1", ErrType, 1},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			err := parseAndEval(tt.src)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want %v", err, tt.kind)
			}
			if e.Col != tt.col {
				t.Errorf("column = %d, want %d (%v)", e.Col, tt.col, err)
			}
		})
	}
}

func parseAndEval(src string) error {
	e, err := Parse(src)
	if err != nil {
		return err
	}
	_, err = e.Bool(testCtx)
	return err
}

func TestNestingIsBounded(t *testing.T) {
	deep := ""
	for range MaxDepth + 1 {
		deep += "("
	}
	if _, err := Parse(deep + "true"); !errors.Is(err, ErrSyntax) {
		t.Errorf("deep nesting: %v, want a syntax error", err)
	}
}

func TestCanonicalFormReparses(t *testing.T) {
	e, err := Parse("a.b == 'x\\'y' or not c && d >= 2.5")
	if err != nil {
		t.Fatal(err)
	}
	want := "((a.b == 'x\\'y') or (not c and (d >= 2.5)))"
	if got := e.String(); got != want {
		t.Errorf("String = %s, want %s", got, want)
	}
}
