// Package jsstore is the JetStream [eventstore.Store]: one stream per
// domain, CIM_<DOMAIN> on cim.<domain>.evt.>, file storage.
//
// Each event is one message on cim.<domain>.evt.<aggregate-id>.<type>; the
// body is the JSON payload and the metadata is in headers
// ([message.Event.Headers]), so `nats sub 'cim.>'` and `nats stream view`
// show readable events.
//
// Guarantees:
//   - Optimistic concurrency per aggregate, enforced by the server: every
//     append carries Nats-Expected-Last-Subject-Sequence for
//     cim.<domain>.evt.<aggregate-id>.* (the stream sequence of the
//     aggregate's last event, cached per aggregate and looked up with a
//     direct get on a miss). A loser gets ErrConflict, across processes.
//   - A multi-event append is one JetStream atomic batch (Nats-Batch-Id,
//     Nats-Batch-Sequence, Nats-Batch-Commit): all events are stored or
//     none. One event is a plain publish. Cost: for a file-backed R1
//     stream the server stages each atomic batch in its own small file
//     store and fsyncs it before commit, so a multi-event append costs
//     milliseconds, where a single-event append costs microseconds; the
//     store keeps at most 16 batches open (the server allows 50 per
//     stream) and resends one the server dropped as incomplete.
//   - A retried batch is stored once: the server's duplicate window (two
//     minutes, on Nats-Msg-Id) catches quick retries, and a retry that
//     meets a moved-on aggregate is recognised by its message IDs and gets
//     the original result, however late it comes.
//   - Read and Follow use ordered consumers: events arrive in stream order,
//     stored ones first, then live ones. A message on the stream that does
//     not decode as an event (someone published by hand) is skipped and
//     logged, never fatal; on an aggregate's own subjects such a message
//     moved the aggregate's last sequence, so the next append finds the
//     aggregate's version in its last real event and expects the junk's
//     sequence (a scan of the aggregate, logged as a warning).
//   - Load costs one direct get when nothing is new (a new aggregate, or a
//     cached one that is current), a direct get per event for a short
//     tail, and an ordered consumer for a long one.
//   - Each append waits for its own ack, routed to it through one
//     wildcard reply subscription per store (no request set-up per
//     append); the server's usual reply is read without reflection. An
//     ack that has not come within 30 s (or the caller's deadline) fails
//     the append; Close releases appends still waiting with ErrClosed.
//   - Durability is the server's: see natsembed's fsync policy.
//
// The stream allows messages of the payload limit plus room for headers.
package jsstore
