package person

import (
	"encoding/json"

	"github.com/cimviz/cimviz/domains/message"
)

// Company is a small company's people: a manager, her reports, mentors
// and colleagues, each with contact points and skills.
func Company() []Person {
	return []Person{
		{ID: "person-ada", Name: Name{Given: "Ada", Family: "Lovelace", Display: "Ada Lovelace"},
			Contacts:  []Contact{{Kind: Email, Value: "ada@example.com"}, {Kind: Phone, Value: "+44 20 7946 0001"}},
			Relations: []Relation{{ManagerOf, "person-grace"}, {ManagerOf, "person-linus"}, {MentorOf, "person-barbara"}},
			Skills:    []Skill{{"mathematics", 5}, {"analysis", 4}}},
		{ID: "person-grace", Name: Name{Given: "Grace", Family: "Hopper", Display: "Grace Hopper"},
			Contacts: []Contact{{Kind: Email, Value: "grace@example.com"},
				{Kind: Post, Address: Address{Street: "1 Harbour Road", Locality: "Arlington", Region: "VA", PostalCode: "22201", Country: "USA"}}},
			Relations: []Relation{{ManagerOf, "person-margaret"}, {Colleague, "person-alan"}},
			Skills:    []Skill{{"cobol", 5}, {"compilers", 5}}},
		{ID: "person-linus", Name: Name{Given: "Linus", Family: "Torvalds", Display: "Linus Torvalds"},
			Contacts: []Contact{{Kind: Email, Value: "linus@example.com"}},
			Skills:   []Skill{{"c", 5}, {"git", 5}}},
		{ID: "person-margaret", Name: Name{Given: "Margaret", Family: "Hamilton", Display: "Margaret Hamilton"},
			Contacts:  []Contact{{Kind: Email, Value: "margaret@example.com"}, {Kind: Phone, Value: "+1 617 555 0100"}},
			Relations: []Relation{{MentorOf, "person-barbara"}},
			Skills:    []Skill{{"flight software", 5}}},
		{ID: "person-alan", Name: Name{Given: "Alan", Family: "Turing", Display: "Alan Turing"},
			Contacts:  []Contact{{Kind: Email, Value: "alan@example.com"}},
			Relations: []Relation{{Colleague, "person-grace"}},
			Skills:    []Skill{{"cryptanalysis", 5}, {"mathematics", 5}}},
		{ID: "person-ken", Name: Name{Given: "Ken", Family: "Thompson", Display: "Ken Thompson"},
			Contacts:  []Contact{{Kind: Email, Value: "ken@example.com"}},
			Relations: []Relation{{Colleague, "person-linus"}},
			Skills:    []Skill{{"unix", 5}, {"c", 5}}},
		{ID: "person-barbara", Name: Name{Given: "Barbara", Family: "Liskov", Display: "Barbara Liskov"},
			Contacts: []Contact{{Kind: Email, Value: "barbara@example.com"}},
			Skills:   []Skill{{"programming languages", 4}, {"distributed systems", 3}}},
	}
}

// Seed is the commands that build [Company] through the service.
func Seed() []message.Command { return Commands(Company()) }

// Commands are the commands that build people: every registration,
// contact point and skill first, then the relationships (whose targets
// must exist by then). Each is a root command.
func Commands(people []Person) []message.Command {
	var out, relations []message.Command
	add := func(to *[]message.Command, id, typ string, payload any) {
		raw, _ := json.Marshal(payload) // plain structs: cannot fail
		*to = append(*to, message.NewCommand(DomainName, typ, id, raw))
	}
	for _, p := range people {
		add(&out, p.ID, "register_person", Register{Name: p.Name})
		for _, c := range p.Contacts {
			add(&out, p.ID, "add_contact", c)
		}
		for _, s := range p.Skills {
			add(&out, p.ID, "add_skill", s)
		}
		for _, r := range p.Relations {
			add(&relations, p.ID, "relate", r)
		}
	}
	return append(out, relations...)
}
