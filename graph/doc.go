// Package graph is the pure graph model of cimviz: graphs whose nodes may stand
// for other graphs (itself or an ancestor included), validated operations,
// nesting, algorithms, layouts and import/export codecs.
//
// It does no I/O beyond the readers and writers handed to its codecs, and it
// imports neither NATS nor ebiten nor arche, so everything here is testable
// with plain `go test`.
package graph
