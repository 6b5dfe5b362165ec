package dialog

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cimviz/cimviz/domains/subject"
)

// Sentinels of the dialog model; Decide wraps each in one of the
// harness's (service.ErrInvalid, ErrUnauthorized, ErrNotFound,
// ErrConflict).
var (
	ErrBadParticipant = errors.New("bad participant")
	ErrBadText        = errors.New("bad text")
	ErrNotSpeaker     = errors.New("not a speaker here")
	ErrClosed         = errors.New("the conversation is closed")
	ErrDuplicate      = errors.New("already so")
	ErrMissing        = errors.New("not there")
)

// Participant kinds.
const (
	Person = "person"
	Agent  = "agent"
)

// Limits of the model.
const (
	MaxTurns        = 5000
	MaxParticipants = 64
	maxText         = 8 << 10
	maxTopic        = 200
)

// Conversation is one aggregate.
type Conversation struct {
	ID           string        `json:"id"`
	Topic        string        `json:"topic,omitempty"`
	StartedBy    string        `json:"started_by,omitempty"`
	Step         *Step         `json:"step,omitempty"`
	Participants []Participant `json:"participants"`
	Turns        []Turn        `json:"turns"`
	Closed       bool          `json:"closed,omitempty"`
	Reason       string        `json:"reason,omitempty"`
}

// Participant is a principal in the conversation; Active is false once
// they left.
type Participant struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Active bool   `json:"active"`
}

// Turn is one thing said: by Speaker, at Time, in reply to ReplyTo (""
// for a turn that replies to nothing).
type Turn struct {
	ID      string    `json:"id"`
	Speaker string    `json:"speaker"`
	Text    string    `json:"text"`
	ReplyTo string    `json:"reply_to,omitempty"`
	Time    time.Time `json:"time,omitzero"`
}

// Step is the workflow step that opened a conversation.
type Step struct {
	Workflow string `json:"workflow"`
	Instance string `json:"instance,omitempty"`
	Step     string `json:"step"`
}

// participant is the index of id among the participants, or -1.
func (c *Conversation) participant(id string) int {
	return slices.IndexFunc(c.Participants, func(p Participant) bool { return p.ID == id })
}

// active says whether id takes part now.
func (c *Conversation) active(id string) bool {
	i := c.participant(id)
	return i >= 0 && c.Participants[i].Active
}

// turn is the index of the turn with ID id, or -1.
func (c *Conversation) turn(id string) int {
	return slices.IndexFunc(c.Turns, func(t Turn) bool { return t.ID == id })
}

// clone copies the conversation so that a change to the copy leaves it
// alone.
func (c *Conversation) clone() *Conversation {
	d := *c
	d.Participants, d.Turns = slices.Clone(c.Participants), slices.Clone(c.Turns)
	return &d
}

// normal fills a participant's kind from its ID and checks it.
func (p Participant) normal() (Participant, error) {
	if p.Kind == "" {
		p.Kind = Person
		if strings.HasPrefix(p.ID, "agent-") {
			p.Kind = Agent
		}
	}
	p.Active = true
	if p.Kind != Person && p.Kind != Agent {
		return p, fmt.Errorf("%w: kind %q, want person or agent", ErrBadParticipant, p.Kind)
	}
	if err := checkID("participant", p.ID); err != nil {
		return p, fmt.Errorf("%w: %w", ErrBadParticipant, err)
	}
	return p, nil
}

// checkID refuses an ID that is empty, long or not subject-safe.
func checkID(what, s string) error {
	if len(s) > maxTopic {
		return fmt.Errorf("%s is longer than %d bytes", what, maxTopic)
	}
	return subject.ValidateToken(what, s)
}

// checkText refuses text that is empty (when it must not be), too long,
// not UTF-8 or has control characters other than newline and tab.
func checkText(what, s string, limit int, empty bool) error {
	switch {
	case s == "" && !empty:
		return fmt.Errorf("%w: %s is empty", ErrBadText, what)
	case len(s) > limit:
		return fmt.Errorf("%w: %s is longer than %d bytes", ErrBadText, what, limit)
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: %s is not UTF-8", ErrBadText, what)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%w: %s has space at an end", ErrBadText, what)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		return fmt.Errorf("%w: %s holds a control character", ErrBadText, what)
	}
	return nil
}

// check validates a step reference.
func (s *Step) check() error {
	if s == nil {
		return nil
	}
	for _, f := range [][2]string{{"workflow", s.Workflow}, {"step", s.Step}} {
		if err := checkID(f[0], f[1]); err != nil {
			return fmt.Errorf("%w: %w", ErrBadText, err)
		}
	}
	if s.Instance != "" {
		if err := checkID("instance", s.Instance); err != nil {
			return fmt.Errorf("%w: %w", ErrBadText, err)
		}
	}
	return nil
}
