package bridge

import (
	"context"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/service"
)

// pageTimeout bounds one page query; a service that does not answer in
// time leaves the rest of the replay to the ordered consumer.
const pageTimeout = 10 * time.Second

// replay builds the world from the log: the events the graph service
// keeps come in pages (thousands to a reply), the rest through an ordered
// consumer that then follows the stream live. Every event is delivered,
// in stream order, whichever way it came.
func (b *Bridge) replay() {
	defer b.wg.Done()
	from := uint64(1)
	if !b.cfg.NoPages {
		from = b.replayPages(from)
	}
	for {
		sub, err := b.store.Follow(b.ctx, from, "", b.deliver)
		if err == nil {
			b.mu.Lock()
			b.follow = sub
			b.mu.Unlock()
			return
		}
		b.cfg.Logger.Warn("bridge: cannot follow the graph stream yet; trying again", "from", from, "err", err)
		select {
		case <-b.ctx.Done():
			return
		case <-time.After(followRetry):
		}
	}
}

// followRetry is how long the bridge waits before it tries again to follow
// a stream it could not (the server went away as the editor opened).
const followRetry = time.Second

// replayPages delivers the events the graph service keeps, from sequence
// from up to the last when the bridge started, and returns where the
// stream must be read on from. Any failure (no service, an old one
// without the query, a page that does not decode) ends the paged part:
// the consumer takes over from the first event not delivered.
func (b *Bridge) replayPages(from uint64) uint64 {
	for from <= b.catchUp && b.ctx.Err() == nil {
		w, err := b.window(from)
		if err != nil || w.Page == nil {
			return from
		}
		events, err := pages.Decode(graphdomain.Name, w.Page)
		if err != nil {
			b.cfg.Logger.Warn("bridge: a page of events does not decode; reading the stream instead", "from", from, "err", err)
			return from
		}
		for _, e := range events {
			b.deliver(e)
		}
		b.Paged.Add(int64(len(events)))
		from = w.Last + 1
	}
	return from
}

func (b *Bridge) window(from uint64) (pages.Window, error) {
	ctx, cancel := context.WithTimeout(b.ctx, pageTimeout)
	defer cancel()
	var raw service.Raw
	if err := b.client.Query(ctx, graphdomain.QueryEvents, "", graphdomain.EventsArgs{From: from}, &raw); err != nil {
		return pages.Window{}, err
	}
	return pages.DecodeWindow(raw)
}
