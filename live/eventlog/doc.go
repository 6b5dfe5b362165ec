// Package eventlog is the editor's live event log: a bounded ring buffer
// of what crossed NATS (or came out of an event store), with a filtered,
// newest-first view that a panel draws a window of at a time.
//
// Memory is bounded by two caps, both set with options on [New]:
//
//   - the entry cap ([WithCapacity], default [DefaultCapacity] = 100,000
//     entries): the oldest entry is dropped when a new one arrives;
//   - the per-entry byte cap ([WithMaxBody], default [DefaultMaxBody] =
//     1 KiB of body, plus [MaxHeaderBytes] of headers and [MaxSubject]
//     bytes of subject): anything longer is cut and the entry's
//     Truncated flag is set.
//
// So a full log holds at most capacity × [Limits.EntryBound] bytes
// (about 280 MB at the defaults in the worst case, a few tens of MB for
// typical CIM traffic, whose bodies are small JSON documents).
//
// The view is virtual: [Log.Len] and [Log.Row] address the entries that
// pass the current [Filter], newest first, without copying them. The
// index of matching entries is kept up to date as entries arrive, and is
// rebuilt (one pass over the retained entries) when the filter changes.
// Subject filters use NATS wildcards exactly as NATS routes messages
// (domains/subject's rules, compiled once by live/pattern). [Log.Pause] freezes the view while entries keep
// arriving and being counted ([Log.Pending]); [Log.Resume] shows them.
//
// A Log is safe for concurrent use: a NATS callback pushes while the
// game loop reads rows.
package eventlog
