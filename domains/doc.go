// Package domains groups the CIM's domain services and the backbone they share:
// message identity and envelopes (domains/message), the subject scheme
// (domains/subject), the event store (domains/eventstore), the CQRS service
// harness (domains/service) and the embedded NATS server (domains/natsembed).
//
// Nothing under domains imports ebiten or arche.
package domains
