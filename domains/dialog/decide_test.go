package dialog

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, AggregateID: "dialog-1", Payload: raw, Time: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func cmd(actor, typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "dialog-1", Payload: json.RawMessage(payload), Actor: actor}
}

func given(events ...message.Event) *Conversation {
	c := Domain.New()
	for _, e := range events {
		c = Apply(c, e)
	}
	return c
}

var (
	started = ev("conversation_started", Started{Start: Start{Topic: "release", Participants: []Participant{
		{ID: "person-ada", Kind: Person, Active: true}, {ID: "agent-triage", Kind: Agent, Active: true}}}, StartedBy: "person-ada"})
	said   = ev("turn_said", Turn{ID: "t1", Speaker: "person-ada", Text: "Friday?"})
	left   = ev("participant_left", Leave{ID: "agent-triage"})
	closed = ev("conversation_closed", Close{Reason: "done"})
	open   = []message.Event{started, said}
)

type gwt struct {
	name  string
	given []message.Event
	when  message.Command
	then  string // the event type, or "" for a refusal
	want  error
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := Decide(given(tt.given...), tt.when)
			if tt.then == "" {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(drafts[0].Type, drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the conversation as it was: %s", drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"start", nil, cmd("person-ada", "start_conversation", `{"topic":"release","participants":[{"id":"person-ada"},{"id":"agent-triage"}]}`), "conversation_started", nil},
		{"start from a step", nil, cmd("", "start_conversation", `{"participants":[{"id":"person-ada"}],"step":{"workflow":"purchase","instance":"i1","step":"approve"}}`), "conversation_started", nil},
		{"join", open, cmd("", "join", `{"id":"person-grace"}`), "participant_joined", nil},
		{"join again after leaving", []message.Event{started, left}, cmd("", "join", `{"id":"agent-triage"}`), "participant_joined", nil},
		{"leave", open, cmd("", "leave", `{"id":"agent-triage"}`), "participant_left", nil},
		{"say as the actor", open, cmd("person-ada", "say", `{"text":"hello"}`), "turn_said", nil},
		{"say as the named speaker", open, cmd("", "say", `{"speaker":"agent-triage","text":"triaged"}`), "turn_said", nil},
		{"speaker repeats the actor", open, cmd("person-ada", "say", `{"speaker":"person-ada","text":"x"}`), "turn_said", nil},
		{"reply", open, cmd("agent-triage", "reply", `{"reply_to":"t1","text":"yes"}`), "turn_replied", nil},
		{"multi-line text", open, cmd("person-ada", "say", `{"text":"one\ntwo"}`), "turn_said", nil},
		{"set topic", open, cmd("", "set_topic", `{"topic":"release 2"}`), "topic_set", nil},
		{"close", open, cmd("", "close", `{"reason":"decided"}`), "conversation_closed", nil},
	}
}

func refused() []gwt {
	bad, forbidden, notFound, conflict := service.ErrInvalid, service.ErrUnauthorized, service.ErrNotFound, service.ErrConflict
	return []gwt{
		{"unknown command", open, cmd("", "shout", `{}`), "", bad},
		{"not JSON", nil, cmd("", "start_conversation", `{"participants":`), "", bad},
		{"unknown field", open, cmd("person-ada", "say", `{"text":"x","loud":true}`), "", bad},
		{"nobody", nil, cmd("", "start_conversation", `{"participants":[]}`), "", bad},
		{"participant twice", nil, cmd("", "start_conversation", `{"participants":[{"id":"a"},{"id":"a"}]}`), "", bad},
		{"bad kind", nil, cmd("", "start_conversation", `{"participants":[{"id":"a","kind":"robot"}]}`), "", bad},
		{"bad id", nil, cmd("", "start_conversation", `{"participants":[{"id":"a.b"}]}`), "", bad},
		{"bad step", nil, cmd("", "start_conversation", `{"participants":[{"id":"a"}],"step":{"workflow":"w"}}`), "", bad},
		{"empty text", open, cmd("person-ada", "say", `{"text":""}`), "", bad},
		{"text too long", open, cmd("person-ada", "say", `{"text":"`+strings.Repeat("x", 9000)+`"}`), "", bad},
		{"no speaker", open, cmd("", "say", `{"text":"x"}`), "", bad},
		{"say with reply_to", open, cmd("person-ada", "say", `{"text":"x","reply_to":"t1"}`), "", bad},
		{"reply to nothing", open, cmd("person-ada", "reply", `{"text":"x"}`), "", bad},
		{"speak as another", open, cmd("person-ada", "say", `{"speaker":"agent-triage","text":"x"}`), "", forbidden},
		{"outsider speaks", open, cmd("person-ken", "say", `{"text":"x"}`), "", forbidden},
		{"one who left speaks", []message.Event{started, left}, cmd("agent-triage", "say", `{"text":"x"}`), "", forbidden},
		{"reply to an unknown turn", open, cmd("person-ada", "reply", `{"reply_to":"t9","text":"x"}`), "", notFound},
		{"leave when not there", open, cmd("", "leave", `{"id":"person-ken"}`), "", notFound},
		{"join twice", open, cmd("", "join", `{"id":"person-ada"}`), "", conflict},
		{"same topic", open, cmd("", "set_topic", `{"topic":"release"}`), "", conflict},
		{"say when closed", []message.Event{started, said, closed}, cmd("person-ada", "say", `{"text":"x"}`), "", conflict},
		{"close when closed", []message.Event{started, closed}, cmd("", "close", `{}`), "", conflict},
	}
}

// The seed replays through Decide and Apply into the tree it describes.
func TestSeedTree(t *testing.T) {
	c := replay(t, Seed())
	got := Tree(c)
	var order []string
	for _, tt := range got.Turns {
		order = append(order, strings.Repeat(" ", tt.Depth)+tt.ID+" "+tt.Speaker)
	}
	want := []string{"t1 person-ada", " t2 person-grace", "  t4 person-ada", " t3 person-alan", "  t5 person-linus"}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Fatalf("tree:\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	if c.StartedBy != "person-ada" || len(c.Participants) != 4 || c.Turns[0].Time.IsZero() {
		t.Fatalf("conversation %+v", c)
	}
}

func replay(t *testing.T, cmds []message.Command) *Conversation {
	t.Helper()
	c := Domain.New()
	for _, cm := range cmds {
		drafts, err := Decide(c, cm)
		if err != nil {
			t.Fatalf("%s: %v", cm.Type, err)
		}
		for _, d := range drafts {
			e := ev(d.Type, d.Payload)
			e.AggregateID = cm.AggregateID
			c = Apply(c, e)
		}
	}
	return c
}
