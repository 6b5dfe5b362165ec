package jsstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// JetStream headers and error codes this store relies on (nats-server
// v2.15 stream.go and jetstream_errors_generated.go).
const (
	hdrExpectedSubjSeq  = "Nats-Expected-Last-Subject-Sequence"
	hdrExpectedSubjSubj = "Nats-Expected-Last-Subject-Sequence-Subject"
	hdrBatchID          = "Nats-Batch-Id"
	hdrBatchSeq         = "Nats-Batch-Sequence"
	hdrBatchCommit      = "Nats-Batch-Commit"

	codeWrongLastSeq      = 10071
	codeWrongLastSeqConst = 10164
	codeDupInProcess      = 10158
	codeBatchDuplicate    = 10201
	codeBatchIncomplete   = 10176
	codeBatchTooMany      = 10210
)

// Atomic batches: the server keeps at most 50 open per stream, so one
// store keeps at most batchSlots open and retries a batch the server
// dropped as incomplete (nothing of it was stored) a few times.
const (
	batchSlots   = 16
	batchRetries = 4
)

// errSeenID: the server already holds one of the batch's message IDs.
var errSeenID = errors.New("message id already stored")

// errBatchDropped: the server abandoned an atomic batch; nothing of it is
// stored and it may be sent again.
var errBatchDropped = errors.New("atomic batch dropped")

// Append implements [eventstore.Store.Append].
func (s *Store) Append(ctx context.Context, aggregateID string, expectedVersion uint64, events []message.Event) (eventstore.AppendResult, error) {
	if err := s.checkOpen(); err != nil {
		return eventstore.AppendResult{}, err
	}
	if err := eventstore.CheckBatch(s.domain, aggregateID, expectedVersion, events, s.maxPayload); err != nil {
		return eventstore.AppendResult{}, err
	}
	expSeq, err := s.expectedSeq(ctx, aggregateID, expectedVersion)
	if err == nil {
		var lastSeq uint64
		if lastSeq, err = s.publish(ctx, aggregateID, expSeq, events); err == nil {
			s.cache.put(aggregateID, events[len(events)-1].Version, lastSeq)
			return result(lastSeq-uint64(len(events))+1, lastSeq, events, false), nil
		}
	}
	if errors.Is(err, eventstore.ErrConflict) || errors.Is(err, errSeenID) {
		s.cache.drop(aggregateID)
		return s.retried(ctx, aggregateID, expectedVersion, events, err)
	}
	return eventstore.AppendResult{}, err
}

// retried tells a retry of a stored batch (its events sit right after
// expectedVersion) from a real conflict.
func (s *Store) retried(ctx context.Context, aggregateID string, expectedVersion uint64, events []message.Event, cause error) (eventstore.AppendResult, error) {
	stored, err := s.Load(ctx, aggregateID, expectedVersion)
	if err != nil {
		return eventstore.AppendResult{}, errors.Join(cause, err)
	}
	if len(stored) < len(events) {
		return eventstore.AppendResult{}, conflictOrInvalid(cause)
	}
	for i, e := range events {
		if stored[i].MessageID != e.MessageID {
			return eventstore.AppendResult{}, conflictOrInvalid(cause)
		}
	}
	return result(stored[0].Sequence, stored[len(events)-1].Sequence, events, true), nil
}

func conflictOrInvalid(cause error) error {
	if errors.Is(cause, errSeenID) {
		return fmt.Errorf("%w: %w in another batch", eventstore.ErrInvalid, cause)
	}
	return cause
}

func result(first, last uint64, events []message.Event, dup bool) eventstore.AppendResult {
	ids := make([]uuid.UUID, len(events))
	for i, e := range events {
		ids[i] = e.MessageID
	}
	return eventstore.AppendResult{Version: events[len(events)-1].Version, FirstSequence: first,
		LastSequence: last, EventIDs: ids, Duplicate: dup}
}

// expectedSeq is the stream sequence of the aggregate's event at version
// expected: from the cache, or from the server's last message on the
// aggregate's subjects. An aggregate at another version is a conflict.
func (s *Store) expectedSeq(ctx context.Context, aggregateID string, expected uint64) (uint64, error) {
	if expected == 0 {
		return 0, nil
	}
	if seq, ok := s.cache.get(aggregateID, expected); ok {
		return seq, nil
	}
	version, seq, err := s.lastOf(ctx, aggregateID)
	if errors.Is(err, message.ErrMalformed) {
		version, seq, err = s.positionAfterJunk(ctx, aggregateID)
	}
	if err != nil {
		return 0, err
	}
	s.cache.put(aggregateID, version, seq)
	if version != expected {
		return 0, fmt.Errorf("%w: %s/%s is at version %d, not %d", eventstore.ErrConflict, s.domain, aggregateID, version, expected)
	}
	return seq, nil
}

func (s *Store) lastOf(ctx context.Context, aggregateID string) (version, seq uint64, err error) {
	m, err := s.str.GetLastMsgForSubject(ctx, eventstore.AggregateSubjects(s.domain, aggregateID))
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("last event of %s: %w", aggregateID, err)
	}
	version, err = strconv.ParseUint(m.Header.Get(message.HeaderAggregateVersion), 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("last event of %s (sequence %d): %w: bad version header", aggregateID, m.Sequence, message.ErrMalformed)
	}
	return version, m.Sequence, nil
}

// positionAfterJunk is where an aggregate stands when the last message on
// its subjects is not an event (published by hand): at the version of its
// last real event, and at the junk's sequence, which the next append must
// expect.
func (s *Store) positionAfterJunk(ctx context.Context, aggregateID string) (version, seq uint64, err error) {
	m, err := s.str.GetLastMsgForSubject(ctx, eventstore.AggregateSubjects(s.domain, aggregateID))
	if err != nil {
		return 0, 0, fmt.Errorf("last message of %s: %w", aggregateID, err)
	}
	events, err := s.loadByConsumer(ctx, aggregateID, 0)
	if err != nil {
		return 0, 0, err
	}
	if n := len(events); n > 0 {
		version = events[n-1].Version
	}
	s.log.Warn("appending after a message that is not an event", "stream", s.stream, "aggregate", aggregateID, "sequence", m.Sequence)
	return version, m.Sequence, nil
}

// publish sends the events, one plain message or one atomic batch, and
// returns the stream sequence of the last.
func (s *Store) publish(ctx context.Context, aggregateID string, expSeq uint64, events []message.Event) (uint64, error) {
	if len(events) == 1 {
		return s.request(ctx, s.eventMsg(aggregateID, expSeq, events[0]))
	}
	select {
	case s.batchSlots <- struct{}{}:
		defer func() { <-s.batchSlots }()
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	for try := 1; ; try++ {
		seq, err := s.publishBatch(ctx, aggregateID, expSeq, events)
		if !errors.Is(err, errBatchDropped) || try == batchRetries {
			return seq, err
		}
		time.Sleep(time.Duration(try) * 5 * time.Millisecond)
	}
}

func (s *Store) eventMsg(aggregateID string, expSeq uint64, e message.Event) *nats.Msg {
	m := &nats.Msg{Subject: eventstore.Subject(s.domain, aggregateID, e.Type), Header: e.Headers(), Data: e.Payload}
	m.Header[hdrExpectedSubjSeq] = []string{strconv.FormatUint(expSeq, 10)}
	m.Header[hdrExpectedSubjSubj] = []string{eventstore.AggregateSubjects(s.domain, aggregateID)}
	return m
}

// publishBatch sends events as one atomic batch: the first carries the
// expectation, the last commits and is the only one answered.
func (s *Store) publishBatch(ctx context.Context, aggregateID string, expSeq uint64, events []message.Event) (uint64, error) {
	batchID := message.NewID().String()
	for i, e := range events {
		var m *nats.Msg
		if i == 0 {
			m = s.eventMsg(aggregateID, expSeq, e)
		} else {
			m = &nats.Msg{Subject: eventstore.Subject(s.domain, aggregateID, e.Type), Header: e.Headers(), Data: e.Payload}
		}
		m.Header[hdrBatchID] = []string{batchID}
		m.Header[hdrBatchSeq] = []string{strconv.Itoa(i + 1)}
		if i == len(events)-1 {
			m.Header[hdrBatchCommit] = []string{"1"}
			return s.request(ctx, m)
		}
		if err := s.nc.PublishMsg(m); err != nil {
			return 0, fmt.Errorf("publish %s: %w", m.Subject, err)
		}
	}
	return 0, nil
}

// request publishes m and waits for the server's ack.
func (s *Store) request(ctx context.Context, m *nats.Msg) (uint64, error) {
	return s.publishAck(ctx, m)
}

func ackError(subject string, code int, desc string) error {
	switch code {
	case codeWrongLastSeq, codeWrongLastSeqConst, codeDupInProcess:
		return fmt.Errorf("%w: %s: %s", eventstore.ErrConflict, subject, desc)
	case codeBatchDuplicate:
		return fmt.Errorf("%w: %s: %s", errSeenID, subject, desc)
	case codeBatchIncomplete, codeBatchTooMany:
		return fmt.Errorf("%w: %s: %s", errBatchDropped, subject, desc)
	}
	return fmt.Errorf("publish %s: jetstream error %d: %s", subject, code, desc)
}
