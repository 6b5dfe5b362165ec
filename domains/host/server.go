package host

import "github.com/cimviz/cimviz/domains/natsembed"

// Server is the embedded nats-server, or nil when the host joined one
// with NATSURL (its figures are then that server's to export).
func (h *Host) Server() *natsembed.Server { return h.srv }
