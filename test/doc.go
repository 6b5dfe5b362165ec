// Package test holds integration and end-to-end tests that cross packages:
// a real embedded NATS server, real processes, and real windows under Xvfb.
package test
