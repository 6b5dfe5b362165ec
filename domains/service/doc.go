// Package service is the CQRS harness every CIM domain runs in.
//
// A domain is an aggregate type described by a [Domain]: New (the empty
// state), a pure Decide(state, command) -> event drafts or a refusal, a
// pure Apply(state, event) -> state, and the commands and queries it
// serves. The harness does everything else:
//
//   - [Engine] (no network I/O) loads an aggregate from its
//     eventstore.Store, through a cache of recently used aggregates, checks
//     creation/existence and the client's expected version, decides, and
//     appends with the expected version. A concurrency conflict is retried
//     (reload, decide again) for commands marked Retry, and is a 409
//     otherwise.
//   - [Serve] registers the engine as a nats.go micro service "cim-<domain>"
//     with a "commands" endpoint on cim.<domain>.cmd.* and a "queries"
//     endpoint on cim.<domain>.qry.*, so $SRV.PING, $SRV.INFO and $SRV.STATS
//     work; STATS carries the engine's [Stats] as custom data.
//   - [Client] sends commands and queries and turns error replies back into
//     errors that match this package's sentinels.
//
// # Replies
//
// A command that took effect is answered with an [Ack] (JSON: aggregate_id,
// version, event_ids, sequence). A refusal carries micro's error headers,
// Nats-Service-Error-Code and Nats-Service-Error, and the same as a JSON
// body: 400 invalid (malformed headers or JSON, unknown command, wrong
// subject, oversized payload, a domain rule), 403 unauthorized, 404 no
// such aggregate, 409 conflict, 500 internal (details only in the log).
// Nothing is appended for a refused command, and no input makes the
// service panic: a panic in a domain function is recovered, logged, and
// answered 500.
//
// # Identity and idempotency
//
// Events are caused by their command: they keep its correlation ID and
// take its message ID as their causation ID. Their own message IDs are
// derived from the command's ([EventID]), so a command retried with the
// same message ID produces byte-identical IDs; the store drops the second
// append (JetStream's Nats-Msg-Id window) and the harness answers it with
// the original ack. Independently of the store's window, each aggregate
// remembers the acks of its last 32 commands, rebuilt from the causation
// IDs of its stored events after a restart, so a late retry is answered
// without deciding again.
//
// # Concurrency
//
// Within a process, commands on one aggregate are serialised (a worker per
// aggregate hash, and a lock stripe in the engine) and other aggregates run
// in parallel on [DefaultWorkers] workers. Several processes or instances
// share the queue group "q"; the store's expected-version check keeps them
// consistent and a stale cache shows up as a conflict, which Retry
// commands absorb.
package service
