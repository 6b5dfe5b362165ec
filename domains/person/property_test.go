package person

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/message"
)

// genCommand draws any command about Ada, valid or not.
func genCommand(t *rapid.T) message.Command {
	contact := rapid.Custom(genContact).Draw(t, "contact")
	relation := Relation{Type: rapid.SampledFrom([]string{ManagerOf, MentorOf, "Bad"}).Draw(t, "type"),
		To: rapid.SampledFrom([]string{"person-grace", "person-ada", "person-nobody"}).Draw(t, "to")}
	skill := Skill{Name: rapid.SampledFrom([]string{"maths", "poetry", ""}).Draw(t, "skill"), Level: rapid.IntRange(0, 6).Draw(t, "level")}
	name := Rename{Name: Name{Given: rapid.SampledFrom([]string{"Ada", "Augusta", ""}).Draw(t, "given"), Family: "King"}}
	payloads := map[string]any{
		"rename_person": name, "add_contact": contact, "remove_contact": contact, "relate": relation,
		"unrelate": relation, "add_skill": skill, "remove_skill": SkillRef{Name: skill.Name},
	}
	typ := rapid.SampledFrom([]string{"rename_person", "add_contact", "remove_contact", "relate", "unrelate", "add_skill", "remove_skill"}).Draw(t, "command")
	raw, _ := json.Marshal(payloads[typ])
	return message.Command{Type: typ, AggregateID: "person-ada", Payload: raw}
}

func snapshot(p *Person) string { b, _ := json.Marshal(p); return string(b) }

// Over any run of commands: deciding never changes the person, what is
// accepted keeps them valid, and replaying the events from nothing
// rebuilds the same person.
func TestCommandsKeepThePersonValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, log := given(ada...), append([]message.Event(nil), ada...)
		for i := range rapid.IntRange(1, 30).Draw(t, "steps") {
			c := genCommand(t)
			before := snapshot(p)
			drafts, err := known.Decide(p, c)
			if snapshot(p) != before {
				t.Fatalf("step %d: deciding %s %s changed the person", i, c.Type, c.Payload)
			}
			if err != nil {
				continue
			}
			for _, d := range drafts {
				e := ev(d.Type, d.Payload)
				p, log = Apply(p, e), append(log, e)
			}
			if err := valid(p); err != nil {
				t.Fatalf("step %d: %s %s left an invalid person: %v", i, c.Type, c.Payload, err)
			}
		}
		if got, want := snapshot(given(log...)), snapshot(p); got != want {
			t.Fatalf("replay differs:\n%s\n%s", got, want)
		}
	})
}
