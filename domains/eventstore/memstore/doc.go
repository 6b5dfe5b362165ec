// Package memstore is the in-memory [eventstore.Store]: one domain's events
// in process memory, for tests, previews and services that need no
// durability.
//
// Guarantees: appends to one aggregate are atomic and checked against the
// expected version (ErrConflict otherwise); a batch whose first message ID
// was stored before is a retry and returns the original result (there is
// no time window: IDs are remembered for the life of the store); reads,
// loads and follows see events in append order, and a Follow sees every
// matching event exactly once, stored ones first, then live ones.
// Nothing persists: Close drops nothing, but a new Store starts empty.
//
// Cost: about 150 bytes per event plus its payload (IDs as 16-byte arrays,
// time as int64, domain/type/aggregate interned once per subject, payloads
// packed into shared 64 KiB blocks). A Read with a wildcard filter matches
// the pattern against the distinct subjects only, then merges their
// sequence lists, or scans a 4-byte-per-event subject column when most
// subjects match.
package memstore
