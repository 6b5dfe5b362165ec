// Package workflow is the workflow domain as pure code: definitions
// compiled and validated from graphs, and the instance state machine
// (commands, events, Decide, Apply). It does no I/O; the service that runs
// it on NATS lives in workflow/wfservice, the workers in workflow/worker,
// the simulator in workflow/simulate.
//
// # Drawing a workflow
//
// A workflow is a [graph.Graph]. A node's Kind is its step kind (start,
// end, manual, automated, decision, approval, fork, join, subworkflow). An
// edge is a transition; on an edge leaving a decision, Edge.Label is the
// condition, an [expr] expression over the instance context, or the word
// "default" (Edge.Kind "default" works too) for the branch taken when no
// condition holds. Other edges carry no condition.
//
// Node properties: "retries" (how often a failed step is retried, default
// 0); on a subworkflow node, Node.Ref (or property "workflow") names the
// workflow to call, any workflow and itself included, and property
// "decrement" names a numeric context variable that is one less in the
// child, so a recursive workflow can count down.
//
// # Running one
//
// An instance runs one version of a definition; publishing a new version
// leaves running instances on theirs. Every change of an instance is an
// [Event]; [Decide] turns a [Command] into the events it causes (a whole
// cascade: completing a step starts the next ones, a decision picks its
// branch, a fork starts every branch, a join waits for all of its incoming
// branches) and [Instance.Apply] folds events into state, so replaying an
// instance's events gives its state.
//
// Rules worth knowing: a decision whose conditions cannot be evaluated (a
// variable is not set, types do not compare) or where none holds and there
// is no default fails the instance, naming the edge and column. A failed
// step is started again while it has retries, then the instance fails; a
// rejected approval fails the instance at once. While an instance is
// Paused, step commands are refused (naming the state) and workers try
// again later. Step outputs are merged into the context at the top level.
package workflow
