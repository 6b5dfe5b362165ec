package dialog

import (
	"encoding/json"

	"github.com/cimviz/cimviz/domains/message"
)

// SeedConversation is the aggregate ID of the seeded conversation.
const SeedConversation = "dialog-release"

// Seed is a short conversation among the sample company's people (the
// person domain's Company): Ada asks, Grace and Alan answer, Linus joins
// and replies, each turn sent as its speaker (X-Actor).
func Seed() []message.Command {
	var out []message.Command
	add := func(actor, typ string, payload any) {
		raw, _ := json.Marshal(payload) // plain structs: cannot fail
		c := message.NewCommand(DomainName, typ, SeedConversation, raw)
		c.Actor = actor
		out = append(out, c)
	}
	add("person-ada", "start_conversation", Start{Topic: "Release of the analytical engine",
		Participants: []Participant{{ID: "person-ada"}, {ID: "person-grace"}, {ID: "person-alan"}}})
	add("person-ada", "say", Say{Text: "Shall we release the analytical engine on Friday?"})
	add("person-grace", "reply", Say{ReplyTo: "t1", Text: "Only if the compiler passes every test first."})
	add("person-alan", "reply", Say{ReplyTo: "t1", Text: "I will check the cipher module by Thursday."})
	add("person-ada", "reply", Say{ReplyTo: "t2", Text: "Agreed: tests first, then Friday."})
	add("person-ada", "join", Participant{ID: "person-linus"})
	add("person-linus", "reply", Say{ReplyTo: "t3", Text: "I can review the cipher patch."})
	return out
}
