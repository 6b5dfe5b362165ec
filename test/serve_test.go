package test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// TestServeBinary runs the real `cimviz serve` process, built once for
// all its subtests.
func TestServeBinary(t *testing.T) {
	bin := buildCimviz(t)
	t.Run("over TCP", func(t *testing.T) { testServeOverTCP(t, bin) })
	t.Run("restart after SIGTERM", func(t *testing.T) { testRestartAfterSIGTERM(t, bin) })
	t.Run("restart after kill -9", func(t *testing.T) { testRestartAfterKill(t, bin) })
	t.Run("second instance over --nats", func(t *testing.T) { testSecondInstance(t, bin) })
}

// A second `cimviz serve --nats URL` joins the first one's queue group:
// both answer discovery, both take commands, and increments racing
// between their caches all count.
func testSecondInstance(t *testing.T, bin string) {
	dir := t.TempDir()
	p := startServe(t, bin, dir, freePort(t))
	second := launch(t, bin, p.url, "--nats", p.url)
	nc := connect(t, p.url)
	if n := len(gather(t, nc, "$SRV.PING.cim-counter")); n != 2 {
		t.Fatalf("%d cim-counter instances answer PING, want 2", n)
	}
	send(t, nc, counterCmd("create", "shared", `{"name":"shared"}`))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 10 {
				send(t, nc, counterCmd("increment", "shared", ""))
			}
		})
	}
	wg.Wait()
	if last := send(t, nc, counterCmd("increment", "shared", "")); last.Version != 82 {
		t.Fatalf("after 81 acked increments the counter is at version %d, want 82", last.Version)
	}
	for _, m := range gather(t, nc, "$SRV.STATS.cim-counter") {
		if s := commandStats(t, m.Data); s.Accepted == 0 {
			t.Errorf("an instance accepted no commands: %+v", s)
		}
	}
	second.stop(t)
	p.stop(t)
}

// gather publishes a request and collects every reply that comes within
// a second of the last one.
func gather(t *testing.T, nc *nats.Conn, subj string) []*nats.Msg {
	t.Helper()
	inbox := nats.NewInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.PublishRequest(subj, inbox, nil); err != nil {
		t.Fatal(err)
	}
	var replies []*nats.Msg
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			return replies
		}
		replies = append(replies, m)
	}
}

// `cimviz serve` answers NATS's service discovery, acks good commands and
// refuses bad ones with the right code, appending nothing for them.
func testServeOverTCP(t *testing.T, bin string) {
	p := startServe(t, bin, t.TempDir(), freePort(t))
	nc := connect(t, p.url)

	ack := send(t, nc, counterCmd("create", "c1", `{"name":"visits","limit":10}`))
	for range 4 {
		ack = send(t, nc, counterCmd("increment", "c1", `{"by":2}`))
	}
	if ack.Version != 5 || ack.Sequence != 5 {
		t.Fatalf("last ack %+v, want version 5 at sequence 5", ack)
	}
	checkDiscovery(t, nc)
	checkRefusals(t, nc)
	if evs := storedEvents(t, nc); len(evs) != 5 {
		t.Fatalf("%d events stored, want the 5 acknowledged", len(evs))
	}
	stats := serviceStats(t, nc)
	if stats.Handled != 5+4 || stats.Accepted != 5 || stats.Rejected != 4 || stats.LastSequence != 5 {
		t.Fatalf("STATS data %+v", stats)
	}
	p.stop(t)
}

func checkDiscovery(t *testing.T, nc *nats.Conn) {
	t.Helper()
	var ping micro.Ping
	request(t, nc, "$SRV.PING.cim-counter", &ping)
	var info micro.Info
	request(t, nc, "$SRV.INFO.cim-counter", &info)
	if ping.Name != "cim-counter" || info.ID != ping.ID || len(info.Endpoints) != 2 ||
		info.Endpoints[0].Subject != "cim.counter.cmd.*" || info.Endpoints[1].Subject != "cim.counter.qry.*" {
		t.Fatalf("ping %+v, info %+v", ping, info)
	}
}

func checkRefusals(t *testing.T, nc *nats.Conn) {
	t.Helper()
	good := counterCmd("increment", "c1", `{"by":1}`)
	tests := []struct {
		name, subject, body, code, text string
	}{
		{"malformed JSON", "cim.counter.cmd.increment", `{"by":`, "400", "not valid JSON"},
		{"unknown command", "cim.counter.cmd.explode", `{}`, "400", `unknown command "explode"`},
		{"oversized payload", "cim.counter.cmd.increment", `{"by":1,"pad":"` + strings.Repeat("x", 100<<10) + `"}`, "400", "byte limit"},
		{"past the limit", "cim.counter.cmd.increment", `{"by":5}`, "400", "would pass its limit 10"},
	}
	for _, tt := range tests {
		h := good.Headers()
		h.Del(message.HeaderCommandType)
		reply, err := nc.RequestMsg(&nats.Msg{Subject: tt.subject, Header: h, Data: []byte(tt.body)}, 5*time.Second)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		code, desc := reply.Header.Get(micro.ErrorCodeHeader), reply.Header.Get(micro.ErrorHeader)
		if code != tt.code || !strings.Contains(desc, tt.text) {
			t.Errorf("%s: reply %s %q, want %s mentioning %q", tt.name, code, desc, tt.code, tt.text)
		}
	}
}

func serviceStats(t *testing.T, nc *nats.Conn) service.Stats {
	t.Helper()
	msg, err := nc.Request("$SRV.STATS.cim-counter", nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return commandStats(t, msg.Data)
}

// commandStats is the custom data of the commands endpoint in a STATS
// reply.
func commandStats(t *testing.T, reply []byte) service.Stats {
	t.Helper()
	var stats micro.Stats
	if err := json.Unmarshal(reply, &stats); err != nil {
		t.Fatal(err)
	}
	for _, ep := range stats.Endpoints {
		if ep.Name == "commands" {
			var s service.Stats
			if err := json.Unmarshal(ep.Data, &s); err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatalf("no commands endpoint in %+v", stats)
	return service.Stats{}
}

func request(t *testing.T, nc *nats.Conn, subj string, into any) {
	t.Helper()
	msg, err := nc.Request(subj, nil, 5*time.Second)
	if err != nil {
		t.Fatalf("%s: %v", subj, err)
	}
	if err := json.Unmarshal(msg.Data, into); err != nil {
		t.Fatalf("%s: %v", subj, err)
	}
}

// buildCimviz builds the cimviz binary into a temporary directory. The
// binary links ebiten, whose package init needs an X display even for
// `cimviz serve`, so without DISPLAY these tests skip (run them under
// `xvfb-run -a`).
func buildCimviz(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("go", "build", "-o", dir+string(filepath.Separator),
		"github.com/cimviz/cimviz/cmd/cimviz", "github.com/cimviz/cimviz/cmd/cimviz-edit").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return filepath.Join(dir, "cimviz")
}

// needDisplay skips a test that opens a window when there is no display.
func needDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		t.Skip("the editor window needs a display: run under xvfb-run -a")
	}
}

// serveProc is a running `cimviz serve`.
type serveProc struct {
	cmd    *exec.Cmd
	url    string
	logs   *syncBuffer
	exited chan struct{}
	err    error // of Wait, once exited is closed
}

// startServe runs `cimviz serve --data dir --listen 127.0.0.1:port` and
// waits for its ready line.
func startServe(t *testing.T, bin, dir string, port int) *serveProc {
	t.Helper()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return launch(t, bin, "nats://"+addr, "--data", dir, "--listen", addr, "--insecure")
}

// launch runs `cimviz serve args...` and waits until it says it is ready
// on url.
func launch(t *testing.T, bin, url string, args ...string) *serveProc {
	t.Helper()
	p := &serveProc{url: url, logs: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(bin, append([]string{"serve"}, args...)...)
	p.cmd.Stderr = p.logs
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.kill() })
	ready := make(chan string, 1)
	go scanReady(stdout, ready)
	go func() { p.err = p.cmd.Wait(); close(p.exited) }()
	select {
	case line := <-ready:
		if !strings.Contains(line, url) {
			t.Fatalf("ready line %q does not name %s", line, url)
		}
	case <-p.exited:
		t.Fatalf("cimviz serve exited before ready: %v\n%s", p.err, p.logs)
	case <-time.After(30 * time.Second):
		t.Fatalf("cimviz serve not ready in 30s\n%s", p.logs)
	}
	return p
}

func scanReady(r interface{ Read([]byte) (int, error) }, ready chan<- string) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "ready") {
			ready <- sc.Text()
		}
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (p *serveProc) stop(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		if p.err != nil {
			t.Fatalf("cimviz serve exited with %v after SIGTERM\n%s", p.err, p.logs)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("cimviz serve did not stop within 20s of SIGTERM\n%s", p.logs)
	}
}

// kill is kill -9; it is also the cleanup of a process still running.
func (p *serveProc) kill() {
	_ = p.cmd.Process.Kill() // an error only says it had exited
	<-p.exited
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func connect(t *testing.T, url string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url, nats.Timeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func send(t *testing.T, nc *nats.Conn, cmd message.Command) service.Ack {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := service.NewClient(nc, "counter").Send(ctx, cmd)
	if err != nil {
		t.Fatalf("%s: %v", cmd.Type, err)
	}
	return ack
}

func counterCmd(typ, aggregate, payload string) message.Command {
	return message.NewCommand("counter", typ, aggregate, json.RawMessage(payload))
}

// storedEvents reads the whole counter stream back through the
// JetStream store.
func storedEvents(t *testing.T, nc *nats.Conn) []message.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, "counter")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var evs []message.Event
	if err := store.Read(ctx, 1, "", func(e message.Event) error { evs = append(evs, e); return nil }); err != nil {
		t.Fatal(err)
	}
	return evs
}

// syncBuffer collects a process's log for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
