package flow

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// ErrTap marks a tap that could not subscribe.
var ErrTap = errors.New("flow tap")

// DefaultDiscoveryEvery is how often a tap asks $SRV.INFO.
const DefaultDiscoveryEvery = 5 * time.Second

// Tapped subjects.
const (
	TapCIM = "cim.>"
	TapSRV = micro.APIPrefix + ".>"
)

// Tap feeds an Observer from a NATS connection: every message on cim.>
// and $SRV.>, and the answers to its own periodic $SRV.INFO requests
// (which it does not count as traffic).
type Tap struct {
	nc    *nats.Conn
	obs   *Observer
	inbox string
	subs  []*nats.Subscription
	stop  chan struct{}
	done  sync.WaitGroup
	once  sync.Once
}

// StartTap subscribes and starts discovery every interval (<= 0 means
// DefaultDiscoveryEvery); the first request goes out at once.
func StartTap(nc *nats.Conn, obs *Observer, every time.Duration) (*Tap, error) {
	if every <= 0 {
		every = DefaultDiscoveryEvery
	}
	t := &Tap{nc: nc, obs: obs, inbox: nc.NewInbox(), stop: make(chan struct{})}
	if err := t.subscribe(); err != nil {
		t.unsubscribe()
		return nil, err
	}
	t.done.Add(1)
	go t.discoverEvery(every)
	return t, nil
}

func (t *Tap) subscribe() error {
	for subj, h := range map[string]nats.MsgHandler{TapCIM: t.traffic, TapSRV: t.traffic, t.inbox: t.answer} {
		s, err := t.nc.Subscribe(subj, h)
		if err != nil {
			return fmt.Errorf("%w: subscribe %s: %w", ErrTap, subj, err)
		}
		t.subs = append(t.subs, s)
	}
	if err := t.nc.Flush(); err != nil {
		return fmt.Errorf("%w: flush: %w", ErrTap, err)
	}
	return nil
}

func (t *Tap) traffic(m *nats.Msg) {
	if strings.HasPrefix(m.Reply, t.inbox) {
		return // our own discovery request
	}
	t.obs.Observe(Record{Subject: m.Subject, Reply: m.Reply, Headers: m.Header, Size: len(m.Data), Time: time.Now()})
}

func (t *Tap) answer(m *nats.Msg) {
	var info micro.Info
	if json.Unmarshal(m.Data, &info) == nil && info.Type == micro.InfoResponseType {
		t.obs.Discover(info, time.Now())
	}
}

// Discover asks every service for its info now; answers arrive
// asynchronously.
func (t *Tap) Discover() error {
	return t.nc.PublishRequest(micro.APIPrefix+".INFO", t.inbox, nil)
}

func (t *Tap) discoverEvery(every time.Duration) {
	defer t.done.Done()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		_ = t.Discover() // a closed connection is the owner's to report
		select {
		case <-t.stop:
			return
		case <-tick.C:
		}
	}
}

// Stop ends the subscriptions and discovery. Calling it again does
// nothing.
func (t *Tap) Stop() {
	t.once.Do(func() {
		close(t.stop)
		t.done.Wait()
		t.unsubscribe()
	})
}

func (t *Tap) unsubscribe() {
	for _, s := range t.subs {
		_ = s.Unsubscribe()
	}
}
