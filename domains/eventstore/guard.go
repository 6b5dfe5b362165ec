package eventstore

import (
	"sync"

	"github.com/cimviz/cimviz/domains/message"
)

// CallGuard keeps Subscription.Stop's promise for a backend: fn runs under
// the guard's lock, so once Stop has taken the lock no call is in flight
// and none can start. Stop must not be called from inside fn.
type CallGuard struct {
	mu      sync.Mutex
	stopped bool
}

// Call runs fn(e) unless the guard is stopped, and reports whether it ran.
func (g *CallGuard) Call(fn func(message.Event), e message.Event) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return false
	}
	fn(e)
	return true
}

// Stop makes every later Call a no-op; it waits for a call in flight.
func (g *CallGuard) Stop() {
	g.mu.Lock()
	g.stopped = true
	g.mu.Unlock()
}
