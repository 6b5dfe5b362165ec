package bridge

import (
	"github.com/nats-io/nats.go"
)

// ConnectOptions are the nats.go options an editor's connection should use:
// reconnect for ever, with a buffer for what is published while away.
func ConnectOptions(name string) []nats.Option {
	return []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.ReconnectBufSize(8 << 20),
	}
}

// watchConnection keeps Link in step with the connection's handlers.
func (b *Bridge) watchConnection() {
	b.setLink(b.nc.Status())
	b.nc.SetDisconnectErrHandler(func(*nats.Conn, error) { b.setLink(nats.RECONNECTING) })
	b.nc.SetReconnectHandler(func(*nats.Conn) {
		b.setLink(nats.CONNECTED)
		select {
		case b.reconnect <- struct{}{}:
		default:
		}
	})
	b.nc.SetClosedHandler(func(*nats.Conn) { b.setLink(nats.CLOSED) })
}

func (b *Bridge) setLink(s nats.Status) {
	switch s {
	case nats.CONNECTED:
		b.link.Store(int32(Connected))
	case nats.RECONNECTING, nats.CONNECTING:
		b.link.Store(int32(Reconnecting))
	default:
		b.link.Store(int32(Offline))
	}
}
