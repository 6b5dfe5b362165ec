package natsembed

import (
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// readAheadSize bounds what an in-process connection buffers from the
// server, like a socket's receive buffer: when it is full the server's
// writes block and its slow-consumer handling applies as over TCP.
const readAheadSize = 1 << 20

// readAheadConn is the client end of an in-process connection (a
// synchronous net.Pipe) with a goroutine that reads ahead into a buffer,
// so the server's writes complete without waiting for the client to ask;
// without it every server write waits for a client read, and replaying a
// stream in-process is several times slower than over loopback TCP.
type readAheadConn struct {
	net.Conn
	mu       sync.Mutex
	buf      []byte // unread data is buf[start:]
	start    int
	err      error
	deadline time.Time
	dataCh   chan struct{} // signalled when data or an error arrives
	spaceCh  chan struct{} // signalled when Read frees space
}

func newReadAheadConn(c net.Conn) *readAheadConn {
	rc := &readAheadConn{Conn: c, buf: make([]byte, 0, 64<<10),
		dataCh: make(chan struct{}, 1), spaceCh: make(chan struct{}, 1)}
	go rc.fill()
	return rc
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// fill reads from the pipe until it fails, waiting while the buffer is full.
func (rc *readAheadConn) fill() {
	chunk := make([]byte, 32<<10)
	for {
		n, err := rc.Conn.Read(chunk)
		rc.mu.Lock()
		for len(rc.buf)-rc.start+n > readAheadSize && rc.err == nil {
			rc.mu.Unlock()
			<-rc.spaceCh
			rc.mu.Lock()
		}
		rc.compact(n)
		rc.buf = append(rc.buf, chunk[:n]...)
		if err != nil && rc.err == nil {
			rc.err = err
		}
		stop := rc.err != nil
		rc.mu.Unlock()
		signal(rc.dataCh)
		if stop {
			return
		}
	}
}

// compact moves unread data to the front when n more bytes would not fit
// the buffer's capacity, so the buffer is reused rather than grown.
func (rc *readAheadConn) compact(n int) {
	if rc.start == len(rc.buf) {
		rc.buf, rc.start = rc.buf[:0], 0
	}
	if rc.start > 0 && len(rc.buf)+n > cap(rc.buf) {
		rc.buf = rc.buf[:copy(rc.buf, rc.buf[rc.start:])]
		rc.start = 0
	}
}

// Read returns buffered data, waiting for some until the read deadline.
func (rc *readAheadConn) Read(p []byte) (int, error) {
	for {
		rc.mu.Lock()
		if rc.start < len(rc.buf) {
			n := copy(p, rc.buf[rc.start:])
			rc.start += n
			rc.mu.Unlock()
			signal(rc.spaceCh)
			return n, nil
		}
		err, deadline := rc.err, rc.deadline
		rc.mu.Unlock()
		if err != nil {
			return 0, err
		}
		if err := rc.wait(deadline); err != nil {
			return 0, err
		}
	}
}

func (rc *readAheadConn) wait(deadline time.Time) error {
	if deadline.IsZero() {
		<-rc.dataCh
		return nil
	}
	d := time.Until(deadline)
	if d <= 0 {
		return os.ErrDeadlineExceeded
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-rc.dataCh:
		return nil
	case <-t.C:
		return os.ErrDeadlineExceeded
	}
}

// Close closes the pipe; a blocked fill or Read then ends.
func (rc *readAheadConn) Close() error {
	err := rc.Conn.Close()
	rc.mu.Lock()
	if rc.err == nil {
		rc.err = io.EOF
	}
	rc.mu.Unlock()
	signal(rc.dataCh)
	signal(rc.spaceCh)
	return err
}

func (rc *readAheadConn) SetDeadline(t time.Time) error {
	rc.SetReadDeadline(t)
	return rc.Conn.SetWriteDeadline(t)
}

func (rc *readAheadConn) SetReadDeadline(t time.Time) error {
	rc.mu.Lock()
	rc.deadline = t
	rc.mu.Unlock()
	signal(rc.dataCh) // a waiting Read re-reads the deadline
	return nil
}

// inProcess provides read-ahead in-process connections to nats.go.
type inProcess struct{ s *Server }

func (p inProcess) InProcessConn() (net.Conn, error) {
	c, err := p.s.ns.InProcessConn()
	if err != nil {
		return nil, err
	}
	return newReadAheadConn(c), nil
}
