package dialog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// DomainName is the domain's subject token.
const DomainName = "dialog"

// ErrPayload marks a payload that is not the JSON its type expects.
var ErrPayload = errors.New("malformed payload")

// Command payloads.
type (
	// Start opens a conversation (start_conversation).
	Start struct {
		Topic        string        `json:"topic,omitempty"`
		Participants []Participant `json:"participants"`
		Step         *Step         `json:"step,omitempty"`
	}
	// Leave names who leaves (leave); join takes a [Participant].
	Leave struct {
		ID string `json:"id"`
	}
	// Say is a turn (say), or a reply to ReplyTo (reply).
	Say struct {
		Speaker string `json:"speaker,omitempty"`
		Text    string `json:"text"`
		ReplyTo string `json:"reply_to,omitempty"`
	}
	// Topic sets the topic (set_topic).
	Topic struct {
		Topic string `json:"topic"`
	}
	// Close ends the conversation (close).
	Close struct {
		Reason string `json:"reason,omitempty"`
	}
)

// Started is conversation_started: the start with who started it.
type Started struct {
	Start
	StartedBy string `json:"started_by,omitempty"`
}

// decider is one command's rule: the event it makes of the conversation.
type decider func(c *Conversation, cmd message.Command) (event string, payload any, err error)

var deciders = map[string]decider{
	"start_conversation": decideStart,
	"join":               decideJoin,
	"leave":              decideLeave,
	"say":                func(c *Conversation, cmd message.Command) (string, any, error) { return decideTurn(c, cmd, false) },
	"reply":              func(c *Conversation, cmd message.Command) (string, any, error) { return decideTurn(c, cmd, true) },
	"set_topic":          decideTopic,
	"close":              decideClose,
}

// Decide turns a command into its event, or refuses it: 400 malformed or
// against the rules, 403 a speaker who may not speak, 404 a turn or
// participant that is not there, 409 a closed conversation or a change
// that changes nothing.
func Decide(c *Conversation, cmd message.Command) ([]service.Draft, error) {
	rule, ok := deciders[cmd.Type]
	if !ok {
		return nil, fmt.Errorf("%w: the dialog domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	if c.Closed {
		return nil, fmt.Errorf("%w: %s: %w", service.ErrConflict, cmd.Type, ErrClosed)
	}
	event, payload, err := rule(c, cmd)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", sentinel(err), cmd.Type, err)
	}
	return []service.Draft{{Type: event, Payload: payload}}, nil
}

func decideStart(_ *Conversation, cmd message.Command) (string, any, error) {
	var s Start
	if err := decode(cmd.Payload, &s, true); err != nil {
		return "", nil, err
	}
	if err := checkText("topic", s.Topic, maxTopic, true); err != nil {
		return "", nil, err
	}
	if len(s.Participants) == 0 || len(s.Participants) > MaxParticipants {
		return "", nil, fmt.Errorf("%w: %d participants, want 1 to %d", ErrBadParticipant, len(s.Participants), MaxParticipants)
	}
	seen := &Conversation{}
	for i, p := range s.Participants {
		p, err := p.normal()
		if err != nil {
			return "", nil, err
		}
		if seen.participant(p.ID) >= 0 {
			return "", nil, fmt.Errorf("%w: %s twice", ErrBadParticipant, p.ID)
		}
		s.Participants[i] = p
		seen.Participants = append(seen.Participants, p)
	}
	return "conversation_started", Started{Start: s, StartedBy: cmd.Actor}, s.Step.check()
}

func decideJoin(c *Conversation, cmd message.Command) (string, any, error) {
	var p Participant
	if err := decode(cmd.Payload, &p, true); err != nil {
		return "", nil, err
	}
	p, err := p.normal()
	switch {
	case err != nil:
	case c.active(p.ID):
		err = fmt.Errorf("%w: %s takes part", ErrDuplicate, p.ID)
	case c.participant(p.ID) < 0 && len(c.Participants) >= MaxParticipants:
		err = fmt.Errorf("%w: %d participants already", ErrBadParticipant, MaxParticipants)
	}
	return "participant_joined", p, err
}

func decideLeave(c *Conversation, cmd message.Command) (string, any, error) {
	var l Leave
	if err := decode(cmd.Payload, &l, true); err != nil {
		return "", nil, err
	}
	if !c.active(l.ID) {
		return "", nil, fmt.Errorf("%w: %q does not take part", ErrMissing, l.ID)
	}
	return "participant_left", l, nil
}

// decideTurn makes a turn (a reply when reply is set): the speaker is the
// actor, numbered after the turns there are.
func decideTurn(c *Conversation, cmd message.Command, reply bool) (string, any, error) {
	var s Say
	if err := decode(cmd.Payload, &s, true); err != nil {
		return "", nil, err
	}
	speaker, err := speakerOf(c, cmd.Actor, s.Speaker)
	if err != nil {
		return "", nil, err
	}
	if err := checkText("text", s.Text, maxText, false); err != nil {
		return "", nil, err
	}
	switch {
	case len(c.Turns) >= MaxTurns:
		return "", nil, fmt.Errorf("%w: the conversation has %d turns, the most it can hold", ErrBadText, MaxTurns)
	case reply && s.ReplyTo == "":
		return "", nil, fmt.Errorf("%w: a reply names the turn it replies to (reply_to)", ErrBadText)
	case !reply && s.ReplyTo != "":
		return "", nil, fmt.Errorf("%w: say replies to nothing; use reply", ErrBadText)
	case reply && c.turn(s.ReplyTo) < 0:
		return "", nil, fmt.Errorf("%w: turn %q", ErrMissing, s.ReplyTo)
	}
	t := Turn{ID: fmt.Sprintf("t%d", len(c.Turns)+1), Speaker: speaker, Text: s.Text, ReplyTo: s.ReplyTo}
	if reply {
		return "turn_replied", t, nil
	}
	return "turn_said", t, nil
}

// speakerOf is who speaks: the actor (the speaker field may only repeat
// it), or the speaker field without an actor; an active participant.
func speakerOf(c *Conversation, actor, named string) (string, error) {
	speaker := named
	switch {
	case actor != "" && named != "" && named != actor:
		return "", fmt.Errorf("%w: %s may not speak as %s", ErrNotSpeaker, actor, named)
	case actor != "":
		speaker = actor
	case named == "":
		return "", fmt.Errorf("%w: no speaker (X-Actor or speaker)", ErrBadText)
	}
	if !c.active(speaker) {
		return "", fmt.Errorf("%w: %q does not take part", ErrNotSpeaker, speaker)
	}
	return speaker, nil
}

func decideTopic(c *Conversation, cmd message.Command) (string, any, error) {
	var t Topic
	if err := decode(cmd.Payload, &t, true); err != nil {
		return "", nil, err
	}
	err := checkText("topic", t.Topic, maxTopic, true)
	if err == nil && t.Topic == c.Topic {
		err = fmt.Errorf("%w: the topic is %q", ErrDuplicate, t.Topic)
	}
	return "topic_set", t, err
}

func decideClose(_ *Conversation, cmd message.Command) (string, any, error) {
	var cl Close
	if err := decode(cmd.Payload, &cl, true); err != nil {
		return "", nil, err
	}
	return "conversation_closed", cl, checkText("reason", cl.Reason, maxTopic, true)
}

// sentinel is the harness error a model refusal maps to.
func sentinel(err error) error {
	switch {
	case errors.Is(err, ErrNotSpeaker):
		return service.ErrUnauthorized
	case errors.Is(err, ErrMissing):
		return service.ErrNotFound
	case errors.Is(err, ErrDuplicate), errors.Is(err, ErrClosed):
		return service.ErrConflict
	}
	return service.ErrInvalid
}

// decode reads a payload; strictly (commands), unknown fields are
// refused. Empty is {}.
func decode(payload json.RawMessage, into any, strict bool) error {
	if len(bytes.TrimSpace(payload)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value", ErrPayload)
	}
	return nil
}
