package person

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, AggregateID: "person-ada", Payload: raw}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "person-ada", Payload: json.RawMessage(payload)}
}

func given(events ...message.Event) *Person {
	p := &Person{}
	for _, e := range events {
		p = Apply(p, e)
	}
	return p
}

// known knows Grace and Ada only.
var known = Decider{Known: func(id string) (bool, error) { return id == "person-grace" || id == "person-ada", nil }}

var (
	registered = ev("person_registered", Register{Name: Name{Given: "Ada", Family: "Lovelace", Display: "Ada Lovelace"}})
	withEmail  = ev("contact_added", Contact{Kind: Email, Value: "ada@example.com"})
	managing   = ev("relationship_added", Relation{Type: ManagerOf, To: "person-grace"})
	mathsSkill = ev("skill_set", Skill{Name: "maths", Level: 4})
	ada        = []message.Event{registered, withEmail, managing, mathsSkill}
)

type gwt struct {
	name  string
	given []message.Event
	when  message.Command
	then  string // the event type, or "" for a refusal
	want  error  // the harness sentinel of a refusal
	model error  // the model's sentinel, if any
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := known.Decide(given(tt.given...), tt.when)
			if tt.then == "" {
				if !errors.Is(err, tt.want) || (tt.model != nil && !errors.Is(err, tt.model)) {
					t.Fatalf("err = %v, want %v and %v", err, tt.want, tt.model)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(drafts[0].Type, drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the person as they were: %s", drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"register", nil, cmd("register_person", `{"name":{"given":"Ada","family":"Lovelace"}}`), "person_registered", nil, nil},
		{"register by display name", nil, cmd("register_person", `{"name":{"display":"Ada"}}`), "person_registered", nil, nil},
		{"rename", ada, cmd("rename_person", `{"name":{"given":"Augusta Ada","family":"King"}}`), "person_renamed", nil, nil},
		{"add an email", ada, cmd("add_contact", `{"kind":"email","value":"countess@example.org"}`), "contact_added", nil, nil},
		{"add a phone", ada, cmd("add_contact", `{"kind":"phone","value":"+44 (20) 7946-0001"}`), "contact_added", nil, nil},
		{"add an address", ada, cmd("add_contact", `{"kind":"address","address":{"street":"12 St James's Square","locality":"London","country":"UK"}}`), "contact_added", nil, nil},
		{"remove a contact", ada, cmd("remove_contact", `{"kind":"email","value":"ada@example.com"}`), "contact_removed", nil, nil},
		{"relate", ada, cmd("relate", `{"type":"mentor_of","to":"person-grace"}`), "relationship_added", nil, nil},
		{"unrelate", ada, cmd("unrelate", `{"type":"manager_of","to":"person-grace"}`), "relationship_removed", nil, nil},
		{"add a skill", ada, cmd("add_skill", `{"name":"poetry","level":2}`), "skill_set", nil, nil},
		{"change a skill's level", ada, cmd("add_skill", `{"name":"maths","level":5}`), "skill_set", nil, nil},
		{"remove a skill", ada, cmd("remove_skill", `{"name":"maths"}`), "skill_removed", nil, nil},
	}
}

func refused() []gwt {
	bad, nf, dup := service.ErrInvalid, service.ErrNotFound, service.ErrConflict
	return []gwt{
		{"no name", nil, cmd("register_person", `{"name":{}}`), "", bad, ErrBadName},
		{"semicolon in a name part", nil, cmd("register_person", `{"name":{"given":"A;B"}}`), "", bad, ErrBadName},
		{"control character", nil, cmd("register_person", `{"name":{"display":"A\u0007"}}`), "", bad, ErrBadName},
		{"typo in a field", nil, cmd("register_person", `{"nmae":{}}`), "", bad, ErrPayload},
		{"two JSON values", nil, cmd("register_person", `{} {}`), "", bad, ErrPayload},
		{"unknown command", ada, cmd("explode", `{}`), "", bad, nil},
		{"same name", ada, cmd("rename_person", `{"name":{"given":"Ada","family":"Lovelace"}}`), "", dup, ErrDuplicate},
		{"email without @", ada, cmd("add_contact", `{"kind":"email","value":"ada.example.com"}`), "", bad, ErrBadContact},
		{"email with a display name", ada, cmd("add_contact", `{"kind":"email","value":"Ada <ada@example.com>"}`), "", bad, ErrBadContact},
		{"phone with letters", ada, cmd("add_contact", `{"kind":"phone","value":"+44 CALL ADA"}`), "", bad, ErrBadContact},
		{"phone too short", ada, cmd("add_contact", `{"kind":"phone","value":"123"}`), "", bad, ErrBadContact},
		{"empty address", ada, cmd("add_contact", `{"kind":"address","address":{}}`), "", bad, ErrBadContact},
		{"unknown contact kind", ada, cmd("add_contact", `{"kind":"fax","value":"+44 20 7946 0000"}`), "", bad, ErrBadContact},
		{"contact twice", ada, cmd("add_contact", `{"kind":"email","value":"ada@example.com"}`), "", dup, ErrDuplicate},
		{"remove a missing contact", ada, cmd("remove_contact", `{"kind":"email","value":"nobody@example.com"}`), "", nf, ErrMissing},
		{"relate to self", ada, cmd("relate", `{"type":"mentor_of","to":"person-ada"}`), "", bad, ErrSelf},
		{"relate to a stranger", ada, cmd("relate", `{"type":"mentor_of","to":"person-nobody"}`), "", nf, nil},
		{"relationship without a type", ada, cmd("relate", `{"to":"person-grace"}`), "", bad, ErrBadRelation},
		{"relationship of a bad type", ada, cmd("relate", `{"type":"Boss Of","to":"person-grace"}`), "", bad, ErrBadRelation},
		{"relationship to a bad ID", ada, cmd("relate", `{"type":"colleague","to":"a.b"}`), "", bad, ErrBadRelation},
		{"relationship twice", ada, cmd("relate", `{"type":"manager_of","to":"person-grace"}`), "", dup, ErrDuplicate},
		{"remove a missing relationship", ada, cmd("unrelate", `{"type":"colleague","to":"person-grace"}`), "", nf, ErrMissing},
		{"skill at level 6", ada, cmd("add_skill", `{"name":"maths","level":6}`), "", bad, ErrBadSkill},
		{"skill without a name", ada, cmd("add_skill", `{"level":3}`), "", bad, ErrBadSkill},
		{"skill at its level", ada, cmd("add_skill", `{"name":"maths","level":4}`), "", dup, ErrDuplicate},
		{"remove a missing skill", ada, cmd("remove_skill", `{"name":"poetry"}`), "", nf, ErrMissing},
	}
}

// A failing lookup is an internal error, not a refusal of the command.
func TestLookupFailureIsInternal(t *testing.T) {
	broken := Decider{Known: func(string) (bool, error) { return false, errors.New("store down") }}
	_, err := broken.Decide(given(ada...), cmd("relate", `{"type":"colleague","to":"person-grace"}`))
	if service.Code(err) != 500 {
		t.Fatalf("err = %v (code %d), want 500", err, service.Code(err))
	}
}
