// Package expr is the small, safe condition language of workflow
// transitions. An expression reads the instance context and yields a value;
// a transition's condition must yield a boolean.
//
// The grammar, loosest binding first:
//
//	expr    = or
//	or      = and { ("or" | "||") and }
//	and     = not { ("and" | "&&") not }
//	not     = ("not" | "!") not | compare
//	compare = primary [ ("==" | "!=" | "<" | "<=" | ">" | ">=") primary ]
//	primary = number | string | "true" | "false" | path | "(" expr ")"
//	path    = ident { "." ident }
//
// Strings are quoted with ' or " and know the escapes \\ \' \" \n \t.
// Numbers are decimal (3, 2.5, -1 is a syntax error: there is no arithmetic).
// Nothing else runs: no calls, no assignment, no arithmetic, no loops, so an
// expression always ends, in time linear in its length.
//
// Every error is an [*Error] that names the 1-based column of the fault and
// wraps [ErrSyntax], [ErrType] or [ErrUndefined].
package expr
