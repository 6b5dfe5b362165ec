package bridge

import (
	"context"
	"errors"
	"time"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph/change"
)

// sendTimeout bounds one attempt; a command that times out is sent again
// with the same message ID, which the service applies at most once.
const sendTimeout = 2 * time.Second

type outgoing struct {
	cmd change.Command
	msg message.Command
}

type reply struct {
	cmd change.Command
	err error
	// seq is the stream sequence of the last event the command appended.
	seq uint64
}

// enqueue queues a command without blocking; false when the queue is full.
func (b *Bridge) enqueue(o outgoing) bool {
	select {
	case b.queue <- o:
		b.queued.Add(1)
		return true
	default:
		return false
	}
}

func (b *Bridge) sendLoop() {
	defer b.wg.Done()
	for {
		select {
		case <-b.ctx.Done():
			return
		case o := <-b.queue:
			b.sendUntilAnswered(o)
		}
	}
}

// sendUntilAnswered sends one command until the service answers it, with
// an ack or a refusal. Transport failures (timeout, no responders, a
// connection that is away) are retried: the same message ID makes the
// service apply the command once however often it arrives.
func (b *Bridge) sendUntilAnswered(o outgoing) {
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(b.ctx, sendTimeout)
		ack, err := b.client.Send(ctx, o.msg)
		cancel()
		if err == nil || isAnswer(err) {
			b.queued.Add(-1)
			select {
			case b.replies <- reply{cmd: o.cmd, err: err, seq: ack.Sequence}:
				b.in.signal()
			case <-b.ctx.Done():
			}
			return
		}
		if b.ctx.Err() != nil {
			return
		}
		b.cfg.Logger.Debug("bridge: command not answered yet, will resend", "type", o.msg.Type, "attempt", attempt, "err", err)
		b.waitToRetry(attempt)
	}
}

// isAnswer tells a refusal by the service (final) from a transport failure
// (worth another try).
func isAnswer(err error) bool {
	for _, final := range []error{service.ErrInvalid, service.ErrUnauthorized, service.ErrNotFound, service.ErrConflict, service.ErrInternal} {
		if errors.Is(err, final) {
			return true
		}
	}
	return false
}

// waitToRetry backs off (50 ms doubling to 2 s) or until the connection
// comes back, whichever is first.
func (b *Bridge) waitToRetry(attempt int) {
	d := min(50*time.Millisecond<<min(attempt, 6), 2*time.Second)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-b.reconnect:
	case <-b.ctx.Done():
	}
}

// envelopes wraps the commands of one gesture: the first is a root, the
// rest share its correlation and name it as their cause.
func envelopes(cmds []change.Command) ([]outgoing, error) {
	out := make([]outgoing, 0, len(cmds))
	var gesture message.Identity
	for i, c := range cmds {
		m, err := graphCommand(c)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			gesture = m.Identity
		} else {
			m.Identity = message.Identity{MessageID: m.MessageID, CorrelationID: gesture.CorrelationID, CausationID: gesture.MessageID}
		}
		out = append(out, outgoing{cmd: c, msg: m})
	}
	return out, nil
}
