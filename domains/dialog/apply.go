package dialog

import (
	"github.com/cimviz/cimviz/domains/message"
)

// appliers evolve a conversation by one event's payload; false: the
// payload does not fit.
var appliers = map[string]func(c *Conversation, ev message.Event) bool{
	"conversation_started": func(c *Conversation, ev message.Event) bool {
		var s Started
		if decode(ev.Payload, &s, false) != nil {
			return false
		}
		*c = Conversation{ID: ev.AggregateID, Topic: s.Topic, StartedBy: s.StartedBy, Step: s.Step, Participants: s.Participants, Turns: []Turn{}}
		return true
	},
	"participant_joined": func(c *Conversation, ev message.Event) bool {
		var p Participant
		if decode(ev.Payload, &p, false) != nil || p.ID == "" {
			return false
		}
		p.Active = true
		if i := c.participant(p.ID); i >= 0 {
			c.Participants[i] = p
		} else {
			c.Participants = append(c.Participants, p)
		}
		return true
	},
	"participant_left": func(c *Conversation, ev message.Event) bool {
		var l Leave
		i := -1
		if decode(ev.Payload, &l, false) == nil {
			i = c.participant(l.ID)
		}
		if i >= 0 {
			c.Participants[i].Active = false
		}
		return i >= 0
	},
	"turn_said":    addTurn,
	"turn_replied": addTurn,
	"topic_set": func(c *Conversation, ev message.Event) bool {
		var t Topic
		if decode(ev.Payload, &t, false) != nil {
			return false
		}
		c.Topic = t.Topic
		return true
	},
	"conversation_closed": func(c *Conversation, ev message.Event) bool {
		var cl Close
		if decode(ev.Payload, &cl, false) != nil {
			return false
		}
		c.Closed, c.Reason = true, cl.Reason
		return true
	},
}

// addTurn adds a turn, at its event's time; a turn whose ID is taken, or
// that replies to no earlier turn, does not fit.
func addTurn(c *Conversation, ev message.Event) bool {
	var t Turn
	if decode(ev.Payload, &t, false) != nil || t.ID == "" || c.turn(t.ID) >= 0 || (t.ReplyTo != "" && c.turn(t.ReplyTo) < 0) {
		return false
	}
	t.Time = ev.Time
	c.Turns = append(c.Turns, t)
	return true
}

// Apply evolves a conversation by one event, in place; an event that
// does not fit (never one this code wrote) or is unknown leaves it as it
// is.
func Apply(c *Conversation, ev message.Event) *Conversation {
	if f, ok := appliers[ev.Type]; ok {
		next := c.clone()
		if f(next, ev) {
			*c = *next
		}
	}
	return c
}
