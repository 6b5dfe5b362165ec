package document

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
	return message.Event{Type: typ, AggregateID: "doc-readme", Payload: raw, Time: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "doc-readme", Payload: json.RawMessage(payload), Actor: "person-ada"}
}

func given(events ...message.Event) *Document {
	d := &Document{}
	for _, e := range events {
		d = Apply(d, e)
	}
	return d
}

// decided applies a command's events to the document the events give.
func decided(t *testing.T, evs []message.Event, c message.Command) *Document {
	t.Helper()
	dec, err := Plan(given(evs...), c)
	if err != nil {
		t.Fatal(err)
	}
	d := given(evs...)
	for _, dr := range dec.Drafts {
		d = Apply(d, ev(dr.Type, dr.Payload))
	}
	return d
}

var (
	v1      = Sum([]byte("# Readme\n")).String()
	v2      = Sum([]byte("# Readme\n\nmore\n")).String()
	created = ev("document_created", Created{Metadata: Metadata{Title: "Readme", MediaType: "text/markdown"}, Author: "person-ada",
		Version: Version{CID: v1, Size: 9, Stored: Inline, Text: "# Readme\n"}})
	second = ev("version_added", VersionAdded{Version{CID: v2, Parents: []string{v1}, Size: 15, Stored: Inline, Text: "# Readme\n\nmore\n"}})
	linked = ev("document_linked", Target{Graph: "g1", Node: "n1"})
	one    = []message.Event{created}
	two    = []message.Event{created, second, linked}
)

type gwt struct {
	name  string
	given []message.Event
	when  message.Command
	then  string // the event type, or "" for a refusal
	want  error  // the harness sentinel of a refusal
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := Plan(given(tt.given...), tt.when)
			if tt.then == "" {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil || len(dec.Drafts) != 1 || dec.Drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", dec.Drafts, err, tt.then)
			}
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(dec.Drafts[0].Type, dec.Drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the document as it was: %s", dec.Drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"create from text", nil, cmd("create_document", `{"title":"Readme","media_type":"text/markdown","text":"# Readme\n"}`), "document_created", nil},
		{"create from bytes", nil, cmd("create_document", `{"title":"Logo","media_type":"image/png","tags":["brand"],"body":"iVBORw0KGgo="}`), "document_created", nil},
		{"create empty", nil, cmd("create_document", `{"title":"Empty","text":""}`), "document_created", nil},
		{"add a version on the latest", one, cmd("add_version", `{"text":"# Readme\n\nmore\n","note":"more"}`), "version_added", nil},
		{"branch from the first", two, cmd("add_version", `{"parents":["`+v1+`"],"text":"# Other\n"}`), "version_added", nil},
		{"merge two", two, cmd("add_version", `{"parents":["`+v2+`","`+v1+`"],"text":"# Merged\n"}`), "version_added", nil},
		{"retitle", one, cmd("set_metadata", `{"title":"Read me"}`), "metadata_set", nil},
		{"tag", one, cmd("set_metadata", `{"tags":["guide","intro"]}`), "metadata_set", nil},
		{"link a node", one, cmd("link", `{"graph":"g1","node":"n1"}`), "document_linked", nil},
		{"link a step, pinned", one, cmd("link", `{"workflow":"purchase","step":"approve","cid":"`+v1+`"}`), "document_linked", nil},
		{"link another node", two, cmd("link", `{"graph":"g1","node":"n2"}`), "document_linked", nil},
		{"unlink", two, cmd("unlink", `{"graph":"g1","node":"n1"}`), "document_unlinked", nil},
	}
}

func refused() []gwt {
	bad, notFound, conflict := service.ErrInvalid, service.ErrNotFound, service.ErrConflict
	return []gwt{
		{"unknown command", one, cmd("shred", `{}`), "", bad},
		{"not JSON", nil, cmd("create_document", `{"title":`), "", bad},
		{"unknown field", nil, cmd("create_document", `{"title":"T","text":"x","colour":"red"}`), "", bad},
		{"no title", nil, cmd("create_document", `{"text":"x"}`), "", bad},
		{"no content", nil, cmd("create_document", `{"title":"T"}`), "", bad},
		{"text and body", nil, cmd("create_document", `{"title":"T","text":"x","body":"eA=="}`), "", bad},
		{"bad media type", nil, cmd("create_document", `{"title":"T","media_type":"markdown","text":"x"}`), "", bad},
		{"title too long", nil, cmd("create_document", `{"title":"`+strings.Repeat("t", 201)+`","text":"x"}`), "", bad},
		{"tag twice", nil, cmd("create_document", `{"title":"T","tags":["a","a"],"text":"x"}`), "", bad},
		{"body not base64", nil, cmd("create_document", `{"title":"T","body":"!!"}`), "", bad},
		{"same bytes again", one, cmd("add_version", `{"text":"# Readme\n"}`), "", conflict},
		{"unknown parent", one, cmd("add_version", `{"parents":["`+v2+`"],"text":"y"}`), "", notFound},
		{"parent not a CID", one, cmd("add_version", `{"parents":["v1"],"text":"y"}`), "", bad},
		{"parent twice", two, cmd("add_version", `{"parents":["`+v1+`","`+v1+`"],"text":"y"}`), "", bad},
		{"metadata unchanged", one, cmd("set_metadata", `{"title":"Readme"}`), "", conflict},
		{"link names nothing", one, cmd("link", `{}`), "", bad},
		{"link names both", one, cmd("link", `{"graph":"g","node":"n","workflow":"w","step":"s"}`), "", bad},
		{"link without node", one, cmd("link", `{"graph":"g"}`), "", bad},
		{"link with a dot", one, cmd("link", `{"graph":"g.1","node":"n"}`), "", bad},
		{"link twice", two, cmd("link", `{"graph":"g1","node":"n1"}`), "", conflict},
		{"link an unknown version", one, cmd("link", `{"graph":"g1","node":"n1","cid":"`+v2+`"}`), "", notFound},
		{"unlink what is not linked", one, cmd("unlink", `{"graph":"g1","node":"n1"}`), "", notFound},
	}
}

// The versions form a DAG: a new version's parent is the latest unless
// named; heads are the versions nobody descends from; the author is the
// actor.
func TestVersionsFormADAG(t *testing.T) {
	d := decided(t, two, cmd("add_version", `{"parents":["`+v1+`"],"text":"# Branch\n"}`))
	branch := d.Latest().CID
	if got := d.Heads(); len(got) != 2 || got[0] != v2 || got[1] != branch {
		t.Fatalf("heads %v, want %s and %s", got, v2, branch)
	}
	merged := decided(t, append(two, ev("version_added", VersionAdded{*d.Latest()})),
		cmd("add_version", `{"parents":["`+v2+`","`+branch+`"],"text":"# Merged\n"}`))
	if h := merged.Heads(); len(h) != 1 || h[0] != merged.Latest().CID || merged.Latest().Author != "person-ada" {
		t.Fatalf("after the merge: heads %v, latest %+v", h, merged.Latest())
	}
	if got := decided(t, two, cmd("add_version", `{"text":"x"}`)).Latest().Parents; len(got) != 1 || got[0] != v2 {
		t.Fatalf("default parents %v, want the latest %s", got, v2)
	}
}

// A body up to InlineLimit stays in its event; one byte more goes to
// the object store and the event carries only its CID.
func TestLargeBodiesLeaveTheEvent(t *testing.T) {
	for _, n := range []int{InlineLimit, InlineLimit + 1} {
		body := strings.Repeat("x", n)
		raw, _ := json.Marshal(Create{Title: "Big", Content: Content{Text: &body}})
		dec, err := Plan(&Document{}, cmd("create_document", string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		payload, _ := json.Marshal(dec.Drafts[0].Payload)
		c := dec.Drafts[0].Payload.(Created)
		inline := n <= InlineLimit
		if inline != (len(dec.Blobs) == 0) || inline != (c.Version.Stored == Inline) || inline != (len(payload) > n) {
			t.Fatalf("%d bytes: %d blobs, stored %s, event payload %d bytes", n, len(dec.Blobs), c.Version.Stored, len(payload))
		}
		if !inline && (dec.Blobs[0].CID.String() != c.Version.CID || Verify(dec.Blobs[0].CID, []byte(body)) != nil) {
			t.Fatalf("blob %s for version %s", dec.Blobs[0].CID, c.Version.CID)
		}
	}
}

// A CID is checked against the bytes, with the CID's own hash.
func TestVerify(t *testing.T) {
	c := Sum([]byte("hello"))
	if err := Verify(c, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if err := Verify(c, []byte("hellO")); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("tampered: %v", err)
	}
	back, err := ParseCID(c.String())
	if err != nil || !back.Equals(c) || !strings.HasPrefix(c.String(), "bafkrei") {
		t.Fatalf("round trip %s: %v, %v", c, back, err)
	}
	if _, err := ParseCID("bafy-not-a-cid"); !errors.Is(err, ErrBadCID) {
		t.Fatalf("bad CID: %v", err)
	}
}
