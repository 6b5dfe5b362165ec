package location

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// sites looks places up among Sites.
var sites = Decider{Lookup: func(id string) (Place, bool, error) {
	for _, p := range Sites() {
		if p.ID == id {
			return p, true, nil
		}
	}
	return Place{}, false, nil
}}

func ev(id, typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, AggregateID: id, Payload: raw}
}

func cmd(id, typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: id, Payload: json.RawMessage(payload)}
}

// london is the London place as its registration.
func london() *Place {
	return Apply(&Place{}, message.Event{Type: "place_registered", AggregateID: "place-london", Payload: Seed()[1].Payload})
}

type gwt struct {
	name  string
	when  message.Command
	then  string // the event type, or "" for a refusal
	want  error  // the harness sentinel of a refusal
	model error  // the model's sentinel, if any
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			state := london()
			if tt.when.AggregateID != "place-london" {
				state = &Place{}
			}
			drafts, err := sites.Decide(state, tt.when)
			if tt.then == "" {
				if !errors.Is(err, tt.want) || (tt.model != nil && !errors.Is(err, tt.model)) {
					t.Fatalf("err = %v, want %v and %v", err, tt.want, tt.model)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			after := Apply(state.clone(), ev(tt.when.AggregateID, drafts[0].Type, drafts[0].Payload))
			if equal(after, state) {
				t.Fatalf("%s left the place as it was", drafts[0].Type)
			}
		})
	}
}

const square = `[[[0,0],[1,0],[1,1],[0,1],[0,0]]]`

func accepted() []gwt {
	return []gwt{
		{"register", cmd("place-paris", "register_place", `{"name":"Paris","kind":"city","point":[2.35,48.86]}`), "place_registered", nil, nil},
		{"register inside", cmd("place-soho", "register_place", `{"name":"Soho","kind":"district","point":[-0.13,51.51],"parent":"place-london"}`), "place_registered", nil, nil},
		{"rename", cmd("place-london", "rename_place", `{"name":"Greater London"}`), "place_renamed", nil, nil},
		{"describe", cmd("place-london", "describe_place", `{"kind":"capital","address":"England"}`), "place_described", nil, nil},
		{"move", cmd("place-london", "move_place", `{"point":[-0.1,51.5]}`), "place_moved", nil, nil},
		{"set a region", cmd("place-london", "set_region", `{"region":`+square+`}`), "region_set", nil, nil},
		{"clear the region", cmd("place-london", "set_region", `{"region":[]}`), "region_set", nil, nil},
		{"leave the country", cmd("place-london", "set_parent", `{"parent":""}`), "parent_set", nil, nil},
		{"move to another parent", cmd("place-london", "set_parent", `{"parent":"place-warehouse"}`), "parent_set", nil, nil},
	}
}

func refused() []gwt {
	bad, nf, same := service.ErrInvalid, service.ErrNotFound, service.ErrConflict
	return []gwt{
		{"no name", cmd("place-x", "register_place", `{"kind":"city","point":[0,0]}`), "", bad, ErrBadName},
		{"no kind", cmd("place-x", "register_place", `{"name":"X","point":[0,0]}`), "", bad, ErrBadKind},
		{"longitude off the globe", cmd("place-x", "register_place", `{"name":"X","kind":"city","point":[181,0]}`), "", bad, ErrBadPoint},
		{"latitude off the globe", cmd("place-x", "register_place", `{"name":"X","kind":"city","point":[0,-90.5]}`), "", bad, ErrBadPoint},
		{"open ring", cmd("place-london", "set_region", `{"region":[[[0,0],[1,0],[1,1],[0,1]]]}`), "", bad, ErrBadRegion},
		{"ring of three", cmd("place-london", "set_region", `{"region":[[[0,0],[1,0],[0,0]]]}`), "", bad, ErrBadRegion},
		{"ring off the globe", cmd("place-london", "set_region", `{"region":[[[0,0],[200,0],[1,1],[0,0]]]}`), "", bad, ErrBadRegion},
		{"typo in a field", cmd("place-london", "rename_place", `{"nmae":"X"}`), "", bad, ErrPayload},
		{"not an object", cmd("place-london", "move_place", `[1]`), "", bad, ErrPayload},
		{"unknown command", cmd("place-london", "explode", `{}`), "", bad, nil},
		{"same name", cmd("place-london", "rename_place", `{"name":"London"}`), "", same, ErrSame},
		{"own parent", cmd("place-london", "set_parent", `{"parent":"place-london"}`), "", bad, ErrCycle},
		{"parent inside it", cmd("place-london", "set_parent", `{"parent":"place-office"}`), "", bad, ErrCycle},
		{"unknown parent", cmd("place-london", "set_parent", `{"parent":"place-mars"}`), "", nf, nil},
		{"parent not an ID", cmd("place-london", "set_parent", `{"parent":"a b"}`), "", bad, ErrBadParent},
		{"register under nothing", cmd("place-x", "register_place", `{"name":"X","kind":"city","point":[0,0],"parent":"place-mars"}`), "", nf, nil},
	}
}

// A failing lookup is an internal error, not a refusal.
func TestLookupFailureIsInternal(t *testing.T) {
	broken := Decider{Lookup: func(string) (Place, bool, error) { return Place{}, false, errors.New("store down") }}
	if _, err := broken.Decide(london(), cmd("place-london", "set_parent", `{"parent":"place-warehouse"}`)); service.Code(err) != 500 {
		t.Fatalf("err = %v, want a 500", err)
	}
}

// A chain deeper than maxDepth is refused rather than walked for ever.
func TestEndlessChainIsRefused(t *testing.T) {
	loop := Decider{Lookup: func(id string) (Place, bool, error) { return Place{ID: id, Parent: id + "x"}, true, nil }}
	if _, err := loop.Decide(london(), cmd("place-london", "set_parent", `{"parent":"place-a"}`)); !errors.Is(err, ErrBadParent) {
		t.Fatalf("err = %v, want ErrBadParent", err)
	}
}
