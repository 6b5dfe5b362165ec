package service

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// Requests (commands and queries) are handled by a fixed set of workers.
// A request goes to the worker its aggregate ID hashes to, so one
// aggregate's requests run in arrival order (a query sees the commands
// sent before it) while different aggregates proceed in parallel. Workers
// reply through the connection themselves: micro's own per-request error
// bookkeeping is not safe once the handler has returned, so the
// authoritative counts are in the STATS custom data.

// job is one request and the handler it goes to.
type job struct {
	req    micro.Request
	handle func(micro.Request)
}

func (s *Service) startWorkers() {
	s.workers = make([]chan job, s.cfg.workers)
	for i := range s.workers {
		s.workers[i] = make(chan job, 64)
		s.wg.Add(1)
		go s.work(s.workers[i])
	}
}

// stopWorkers lets the workers finish what they were handed and ends
// them. A request that arrives later (nats.go may still deliver what it
// had queued when the endpoints were stopped) is answered, not dropped.
func (s *Service) stopWorkers() {
	s.dispatching.Lock()
	s.stopped = true
	for _, w := range s.workers {
		close(w)
	}
	s.dispatching.Unlock()
	s.wg.Wait()
}

// dispatch hands a request to its aggregate's worker.
func (s *Service) dispatch(req micro.Request, handle func(micro.Request)) {
	s.dispatching.RLock()
	defer s.dispatching.RUnlock()
	if s.stopped {
		s.replyError(req, fmt.Errorf("%w: cim-%s is stopping; send again", ErrInternal, s.in.name))
		return
	}
	s.workers[stripe(req.Headers().Get(message.HeaderAggregateID), len(s.workers))] <- job{req, handle}
}

func (s *Service) work(in chan job) {
	defer s.wg.Done()
	for j := range in {
		s.safely(j.req, j.handle)
	}
}

// safely is the last line of defence: a panic in a handler (a bug in a
// domain's Decide or Apply) is logged with its stack and answered 500.
func (s *Service) safely(req micro.Request, handle func(micro.Request)) {
	defer func() {
		if p := recover(); p != nil {
			s.cfg.logger.Error("panic while handling a request", "subject", req.Subject(), "panic", p, "stack", string(debug.Stack()))
			s.replyError(req, fmt.Errorf("%w: panic: %v", ErrInternal, p))
		}
	}()
	handle(req)
}

func (s *Service) handleCommand(req micro.Request) {
	start := time.Now()
	cmd, err := s.decodeCommand(req)
	if err != nil {
		s.eng.reject(err)
		s.replyError(req, err)
		s.observe(start, cmd, Ack{}, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.timeout)
	defer cancel()
	ack, err := s.eng.Execute(ctx, cmd)
	if err != nil {
		s.replyError(req, err)
	} else {
		s.reply(req, json.RawMessage(ack.appendJSON(make([]byte, 0, 128))), nil)
	}
	s.observe(start, cmd, ack, err)
}

// decodeCommand checks the wire form: the subject names a command of this
// domain, the header agrees with it (or is filled from it), the payload is
// within bounds, and the headers and body decode.
func (s *Service) decodeCommand(req micro.Request) (message.Command, error) {
	typ, err := s.nameFrom(req.Subject(), subject.KindCommand)
	if err != nil {
		return message.Command{}, err
	}
	if n := len(req.Data()); n > s.eng.maxPayload() {
		return message.Command{}, fmt.Errorf("%w: payload of %d bytes is over the %d byte limit", ErrInvalid, n, s.eng.maxPayload())
	}
	h := nats.Header(req.Headers())
	if got := h.Get(message.HeaderCommandType); got != "" && got != typ {
		return message.Command{}, fmt.Errorf("%w: header %s says %q but the subject names %q", ErrInvalid, message.HeaderCommandType, got, typ)
	}
	if h == nil {
		h = nats.Header{}
	}
	h.Set(message.HeaderCommandType, typ)
	cmd, err := message.DecodeCommand(s.in.name, h, req.Data())
	if err != nil {
		return message.Command{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return cmd, nil
}

// nameFrom parses a request subject of this domain and the wanted kind.
func (s *Service) nameFrom(subj string, kind subject.Kind) (string, error) {
	if kn, ok := s.names[subj]; ok && kn.kind == kind {
		return kn.name, nil
	}
	parsed, err := subject.Parse(subj)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if parsed.Kind != kind || parsed.Domain != s.in.name {
		return "", fmt.Errorf("%w: subject %q is not a %s of domain %q", ErrInvalid, subj, kind, s.in.name)
	}
	return parsed.Name, nil
}

func (s *Service) handleQuery(req micro.Request) {
	s.queries.Lock()
	s.nQuery++
	s.queries.Unlock()
	name, err := s.nameFrom(req.Subject(), subject.KindQuery)
	if err != nil {
		s.replyError(req, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.timeout)
	defer cancel()
	answer, err := s.eng.Query(ctx, name, req.Headers().Get(message.HeaderAggregateID), req.Data())
	if err != nil {
		s.replyError(req, err)
		return
	}
	s.reply(req, answer, nil)
}

// reply sends body (JSON) to the request's reply subject, with headers h.
func (s *Service) reply(req micro.Request, body any, h nats.Header) {
	if req.Reply() == "" {
		return // a publish without a reply subject: nobody is waiting
	}
	data, ok := body.(json.RawMessage)
	if !ok {
		var err error
		if data, err = json.Marshal(body); err != nil {
			s.cfg.logger.Error("reply not marshalled", "subject", req.Subject(), "err", err)
			return
		}
	}
	if err := s.nc.PublishMsg(&nats.Msg{Subject: req.Reply(), Header: h, Data: data}); err != nil {
		s.cfg.logger.Warn("reply not sent", "subject", req.Subject(), "err", err)
	}
}

// replyError answers with micro's error headers and the error as JSON.
func (s *Service) replyError(req micro.Request, err error) {
	w := toWire(err)
	if w.Code == 500 {
		s.cfg.logger.Error("request failed", "subject", req.Subject(), "err", err)
	}
	h := nats.Header{micro.ErrorHeader: {w.Description}, micro.ErrorCodeHeader: {w.codeString()}}
	s.reply(req, w, h)
}
