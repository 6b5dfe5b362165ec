// Package policy is the policy domain (cim.policy.*) and its enforcement
// in the service harness.
//
// One aggregate is one policy: a named rule, written in CEL (package
// [github.com/cimviz/cimviz/domains/policy/rule]), that applies to some
// commands of one domain, with an effect: "deny" refuses the command when
// the rule is true; "allow" refuses it unless the rule is true.
//
//	command          event              payload
//	define_policy    policy_defined     {name, description?, domain, commands?, effect, rule}
//	change_rule      rule_changed       {rule, effect?}
//	retarget_policy  policy_retargeted  {domain, commands?}
//	disable_policy   policy_disabled    {reason?}
//	enable_policy    policy_enabled     {}
//	delete_policy    policy_deleted     {reason?}
//
// A rule that does not compile is refused (400) with CEL's message and
// position. A deleted policy is final. Queries: get; views: policies
// {domain?}, trace {correlation_id} and trace_graph {correlation_id}.
//
// # Enforcement
//
// An [Enforcer] is a service.Gate: given to a domain's service with
// service.WithGate, it evaluates the enabled policies that apply to each
// command before the command is decided, and refuses it with 403 naming
// the rule (nothing appended) when one denies. It never asks NATS while
// judging: the policies come from a [Book] and the actors' claims from a
// [Directory], projections that follow the policy and identity streams.
// Each rule is compiled once, when its event arrives.
//
// Every evaluation that found an applicable policy becomes a [Trace]
// (the rules, each result, the decision), kept in a [TraceLog] and, with
// a [Publisher], sent on cim.policy.trace.<domain> to the policy service,
// which answers the trace views; [TraceGraph] turns traces into a graph
// document that opens in the editor.
package policy
