// Package flow is the subject-flow view: a live graph of the services,
// subjects and clients of a CIM, built from what crosses NATS, with each
// edge labelled by its message rate. It is an ordinary graph.Graph, so the
// editor shows, navigates and exports it like any other.
//
// An [Observer] is fed [Record]s (what a subscriber sees of a message) and
// micro.Info discovery answers ($SRV.INFO). [Tap] feeds one from a NATS
// connection: it subscribes to cim.> and $SRV.> and asks $SRV.INFO every
// few seconds.
//
// Nodes:
//   - subjects, grouped: cim.<domain>.cmd, cim.<domain>.qry and
//     cim.<domain>.evt (one node each, whatever the command, query,
//     aggregate or event), $SRV.<verb>, and otherwise the first two
//     tokens;
//   - services, from discovery: one node per service name, however many
//     instances answer (their count is a property);
//   - clients, best effort (below).
//
// Edges: client → subject (requests and publishes it sent), subject →
// service (an endpoint of the service matches the subject; these exist
// from discovery on, at rate 0 until traffic flows), service → subject
// (events of the service's domain).
//
// Rates are exponentially decayed per-second rates: each message adds
// 1/τ to its edges and the rate decays by e^(-Δt/τ), τ = half-life/ln 2
// ([WithHalfLife], default 5 s). A steady λ messages per second reads λ.
//
// What a subscriber can and cannot know. It sees subject, reply subject,
// headers, size and arrival time of each message on the subjects it
// subscribes to; it never sees who published (NATS does not say), nor
// replies (they go to the requester's _INBOX, which the tap does not
// subscribe to), nor traffic its permissions hide. So:
//   - a client is named by its reply inbox prefix: nats.go's requests
//     use _INBOX.<connection token>.<request>, so the first two tokens
//     name one connection (an anonymous "client _INBOX.Ab12…"); a header
//     named with [WithClientHeader] wins when present; a publish with no
//     reply and no such header comes from "unknown publisher";
//   - events are attributed to the service that owns their domain (its
//     metadata "domain", or its endpoints' cim.<domain> subjects); which
//     instance published one cannot be known;
//   - which service instance handled a request cannot be known either
//     (queue groups pick one); the edge goes to the service;
//   - JetStream publishes carry a reply inbox too (for the PubAck), so
//     with no service known for a domain its events show their
//     publisher's connection as a client.
package flow
