package natsembed

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"testing"
	"time"
)

func TestReadAheadDeliversEverythingInOrderThroughAFullBuffer(t *testing.T) {
	server, client := net.Pipe()
	rc := newReadAheadConn(client)
	defer rc.Close()
	sent := make([]byte, 3*readAheadSize+12345)
	for i := range sent {
		sent[i] = byte(rand.Uint32())
	}
	go func() {
		for rest := sent; len(rest) > 0; {
			n := min(len(rest), 1+rand.IntN(100_000))
			if _, err := server.Write(rest[:n]); err != nil {
				return
			}
			rest = rest[n:]
		}
		server.Close()
	}()
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, sent) {
		t.Fatalf("read %d of %d bytes (equal: %v), err %v", len(got), len(sent), bytes.Equal(got, sent), err)
	}
}

func TestReadAheadHonoursTheReadDeadline(t *testing.T) {
	_, client := net.Pipe()
	rc := newReadAheadConn(client)
	defer rc.Close()
	if err := rc.SetReadDeadline(time.Now().Add(20 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if _, err := rc.Read(make([]byte, 10)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read past the deadline: %v", err)
	}
}

func TestReadAheadReadEndsWhenClosed(t *testing.T) {
	_, client := net.Pipe()
	rc := newReadAheadConn(client)
	done := make(chan error, 1)
	go func() {
		_, err := rc.Read(make([]byte, 10))
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	rc.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("read on a closed connection returned no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("read still blocked after Close")
	}
}
