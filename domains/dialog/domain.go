package dialog

import (
	"github.com/cimviz/cimviz/domains/service"
)

// Domain is the dialog domain on the harness (a [service.Servable]: its
// DomainName is "dialog").
var Domain = service.Domain[*Conversation]{
	Name:        DomainName,
	Version:     "1.0.0",
	Description: "conversations among people and agents: participants, turns, replies as a tree, topics",
	New:         func() *Conversation { return &Conversation{} },
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"start_conversation": {Creates: true, Description: "start: {topic?, participants: [{id, kind?: person|agent}], step?: {workflow, instance?, step}}"},
		"join":               {Description: "join: {id, kind?}"},
		"leave":              {Description: "leave: {id}"},
		"say":                {Description: "say something, as X-Actor: {text, speaker?}"},
		"reply":              {Description: "reply to a turn, as X-Actor: {reply_to, text, speaker?}"},
		"set_topic":          {Description: "set the topic: {topic}"},
		"close":              {Description: "close the conversation: {reason?}"},
	},
	Queries: queries,
}
