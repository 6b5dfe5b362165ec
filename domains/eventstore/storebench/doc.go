// Package storebench measures the event backbone's figures, for the Go
// benchmarks of the store packages and for `cimviz bench`: memory per event
// and filter time in the in-memory store, append throughput of the
// JetStream store against raw async JetStream publishes, replay rates, and
// the event Publisher against raw nats.go publishes.
//
// Every function does real work on real parts (a real embedded server for
// the NATS figures) and returns numbers; none asserts a target.
package storebench
