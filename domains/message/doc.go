// Package message defines what crosses the CIM's wire: message identity
// (UUIDv7 message, correlation and causation IDs), the event and command
// envelopes, and their mapping to NATS headers.
//
// On the wire a body is the JSON payload alone; the envelope's metadata is
// in headers (see [Event.Headers]), so `nats sub 'cim.>'` shows readable
// traffic and JetStream de-duplicates on Nats-Msg-Id.
//
// IDs ([NewID]) are UUIDv7: unique across goroutines and strictly
// increasing within the process. [DecodeEvent] and [DecodeCommand] never
// panic; every defect wraps [ErrMalformed] (fuzzed). [Publisher] sends
// events on core NATS for live notifications at close to raw nats.go cost.
package message
