// Package rule compiles and evaluates the policy domain's rules: CEL
// expressions (github.com/google/cel-go) that yield a bool, over
//
//	command  map: domain, type, aggregate, actor, correlation_id, payload (the JSON payload as a map)
//	actor    map: id, known (a principal of the identity domain), kind, state,
//	         roles (the active claims' roles), claims (list of {role, scope, expires?})
//	state    map: the aggregate's current state as JSON ({} for a new aggregate)
//	version  int: the aggregate's version (0: it does not exist yet)
//	now      timestamp: when the command is judged
//
// for example `command.type == "delete" && !("manager" in actor.roles)`
// or `now.getHours("Europe/Berlin") < 9`. The standard CEL library and
// the strings extension are available. [Compile] checks an expression
// once ([CompileError] names each problem with its line and column);
// a [Program] is safe for concurrent use and bounded in cost, so a
// runaway rule is an evaluation error, not a stuck service. Nothing here
// does I/O.
package rule
