package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Path is where the metrics are served.
const Path = "/metrics"

// Endpoint is the metrics served over HTTP on one address.
type Endpoint struct {
	srv  *http.Server
	ln   net.Listener
	done chan error
}

// Listen serves m on addr (host:port; port 0 picks a free one) at
// [Path], until Close.
func (m *Metrics) Listen(addr string) (*Endpoint, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("telemetry: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle(Path, m.Handler())
	e := &Endpoint{srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}, ln: ln, done: make(chan error, 1)}
	go func() { e.done <- e.srv.Serve(ln) }()
	return e, nil
}

// URL is the full address of the metrics, for scrapers and logs.
func (e *Endpoint) URL() string { return "http://" + e.ln.Addr().String() + Path }

// Close stops serving, letting a scrape in progress finish for up to
// five seconds.
func (e *Endpoint) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := e.srv.Shutdown(ctx)
	if serr := <-e.done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
