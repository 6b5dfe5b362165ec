// Package pages carries a domain's stored events in bulk: a compact binary
// page of many events, and a bounded in-memory [Log] of encoded events that
// a service keeps while it follows its stream and serves in pages.
//
// Opening an editor replays the graph domain's whole log. Through an
// ordered consumer every event is one NATS message, and on a small machine
// the server and client's per-message work bounds that near 100k-200k
// events/s whatever the editor does. A service that already follows the
// stream (the graph service's catalog does) keeps the events it saw,
// encoded, and answers a page of thousands of them in one reply; the
// editor decodes pages and then follows the stream from after the last.
// The events are the same, in the same order, with the same sequences: it
// is a replay, carried in bulk.
package pages
