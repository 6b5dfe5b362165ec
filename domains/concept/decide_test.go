package concept

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, Payload: raw}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, Payload: json.RawMessage(payload)}
}

func given(events ...message.Event) *space.Space {
	s := Domain.New()
	for _, e := range events {
		s = Apply(s, e)
	}
	return s
}

var (
	created   = ev("space_created", CreateSpace{Name: "fruit", Norm: space.Euclidean})
	sweetDim  = ev("dimension_added", AddDimension{Dimension: space.Dimension{Name: "sweet", Kind: space.Continuous, Max: 10, Domain: "taste"}})
	hueDim    = ev("dimension_added", AddDimension{Dimension: space.Dimension{Name: "hue", Kind: space.Circular, Period: 360}})
	skinDim   = ev("dimension_added", AddDimension{Dimension: space.Dimension{Name: "skin", Kind: space.Categorical, Values: []string{"smooth", "fuzzy"}}})
	appleAdd  = ev("concept_added", space.Concept{Name: "apple", Prototype: space.Point{"sweet": space.Num(6), "hue": space.Num(5), "skin": space.Label("smooth")}})
	galaAdd   = ev("item_added", space.Item{Name: "gala", Point: space.Point{"sweet": space.Num(7), "hue": space.Num(8), "skin": space.Label("smooth")}})
	fruitDims = []message.Event{created, sweetDim, hueDim, skinDim}
	full      = append(fruitDims[:4:4], appleAdd, galaAdd)
)

const gala = `{"sweet":7,"hue":8,"skin":"smooth"}`

type gwt struct {
	name    string
	given   []message.Event
	when    message.Command
	then    string // the event type, or "" for a refusal
	wantErr error  // the space sentinel of a refusal
}

func TestGivenWhenThen(t *testing.T) {
	for _, tt := range append(accepted(), refused()...) {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := Decide(given(tt.given...), tt.when)
			if tt.then == "" {
				if !errors.Is(err, service.ErrInvalid) || !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want ErrInvalid and %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(drafts) != 1 || drafts[0].Type != tt.then {
				t.Fatalf("drafts %+v, err %v; want %s", drafts, err, tt.then)
			}
			// The event changes the space it was decided on.
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(drafts[0].Type, drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the space as it was: %s", drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"create a space", nil, cmd("create_space", `{"name":"fruit","norm":"manhattan"}`), "space_created", nil},
		{"add a continuous dimension", []message.Event{created}, cmd("add_dimension", `{"dimension":{"name":"sweet","kind":"continuous","min":0,"max":10}}`), "dimension_added", nil},
		{"add a dimension with a default", full, cmd("add_dimension", `{"dimension":{"name":"size","kind":"ordinal","levels":["S","M","L"]},"default":"M"}`), "dimension_added", nil},
		{"widen a dimension", full, cmd("update_dimension", `{"dimension":{"name":"sweet","kind":"continuous","min":0,"max":20}}`), "dimension_updated", nil},
		{"remove a dimension", full, cmd("remove_dimension", `{"name":"skin"}`), "dimension_removed", nil},
		{"set weights", full, cmd("set_weights", `{"context":"cooking","weights":{"taste":2,"hue":0.5}}`), "weights_set", nil},
		{"add a concept", fruitDims, cmd("add_concept", `{"name":"apple","prototype":{"sweet":6,"hue":5,"skin":"smooth"},"bounds":{"hue":{"min":340,"max":40}}}`), "concept_added", nil},
		{"move a concept", full, cmd("move_concept", `{"name":"apple","to":{"sweet":5,"hue":0,"skin":"smooth"}}`), "concept_moved", nil},
		{"remove a concept", full, cmd("remove_concept", `{"name":"apple"}`), "concept_removed", nil},
		{"add an item", fruitDims, cmd("add_item", `{"name":"gala","point":`+gala+`}`), "item_added", nil},
		{"move an item", full, cmd("move_item", `{"name":"gala","to":{"sweet":1,"hue":360,"skin":"fuzzy"}}`), "item_moved", nil},
		{"remove an item", full, cmd("remove_item", `{"name":"gala"}`), "item_removed", nil},
	}
}

func refused() []gwt {
	return []gwt{
		{"space without a name", nil, cmd("create_space", `{"norm":"euclidean"}`), "", space.ErrBadName},
		{"unknown norm", nil, cmd("create_space", `{"name":"x","norm":"p3"}`), "", space.ErrBadDimension},
		{"typo in a field", nil, cmd("create_space", `{"nmae":"x"}`), "", ErrPayload},
		{"two JSON values", nil, cmd("create_space", `{"name":"x"} {}`), "", ErrPayload},
		{"not an object", nil, cmd("create_space", `[1]`), "", ErrPayload},
		{"unknown command", full, cmd("explode", `{}`), "", service.ErrInvalid},
		{"dimension of no kind", []message.Event{created}, cmd("add_dimension", `{"dimension":{"name":"x","kind":"fuzzy"}}`), "", space.ErrBadDimension},
		{"empty range", []message.Event{created}, cmd("add_dimension", `{"dimension":{"name":"x","kind":"continuous","min":1,"max":1}}`), "", space.ErrBadDimension},
		{"circular without a period", []message.Event{created}, cmd("add_dimension", `{"dimension":{"name":"x","kind":"circular"}}`), "", space.ErrBadDimension},
		{"repeated levels", []message.Event{created}, cmd("add_dimension", `{"dimension":{"name":"x","kind":"ordinal","levels":["a","a"]}}`), "", space.ErrBadDimension},
		{"duplicate dimension", full, cmd("add_dimension", `{"dimension":{"name":"sweet","kind":"continuous","max":1},"default":0}`), "", space.ErrDuplicate},
		{"dimension without a default", full, cmd("add_dimension", `{"dimension":{"name":"size","kind":"continuous","max":1}}`), "", space.ErrMissingCoordinate},
		{"default out of range", full, cmd("add_dimension", `{"dimension":{"name":"size","kind":"continuous","max":1},"default":2}`), "", space.ErrOutOfRange},
		{"narrowing strands a point", full, cmd("update_dimension", `{"dimension":{"name":"sweet","kind":"continuous","min":0,"max":5}}`), "", space.ErrOutOfRange},
		{"dropping a used value", full, cmd("update_dimension", `{"dimension":{"name":"skin","kind":"categorical","values":["fuzzy"]}}`), "", space.ErrUnknownValue},
		{"update unknown dimension", full, cmd("update_dimension", `{"dimension":{"name":"mass","kind":"continuous","max":1}}`), "", space.ErrUnknownDimension},
		{"remove unknown dimension", full, cmd("remove_dimension", `{"name":"mass"}`), "", space.ErrUnknownDimension},
		{"weight of an unknown domain", full, cmd("set_weights", `{"context":"c","weights":{"smell":1}}`), "", space.ErrBadWeight},
		{"negative weight", full, cmd("set_weights", `{"context":"c","weights":{"taste":-1}}`), "", space.ErrBadWeight},
		{"weights without a context", full, cmd("set_weights", `{"weights":{"taste":1}}`), "", space.ErrBadName},
		{"coordinate out of range", fruitDims, cmd("add_concept", `{"name":"x","prototype":{"sweet":11,"hue":5,"skin":"smooth"}}`), "", space.ErrOutOfRange},
		{"unknown dimension", fruitDims, cmd("add_item", `{"name":"x","point":{"sweet":1,"hue":5,"skin":"smooth","mass":2}}`), "", space.ErrUnknownDimension},
		{"value not in the set", fruitDims, cmd("add_item", `{"name":"x","point":{"sweet":1,"hue":5,"skin":"hairy"}}`), "", space.ErrUnknownValue},
		{"hue past the period", fruitDims, cmd("add_item", `{"name":"x","point":{"sweet":1,"hue":361,"skin":"smooth"}}`), "", space.ErrOutOfRange},
		{"missing coordinate", fruitDims, cmd("add_item", `{"name":"x","point":{"sweet":1,"skin":"smooth"}}`), "", space.ErrMissingCoordinate},
		{"coordinate not a number", fruitDims, cmd("add_item", `{"name":"x","point":{"sweet":[1],"hue":1,"skin":"smooth"}}`), "", space.ErrWrongType},
		{"duplicate concept", full, cmd("add_concept", `{"name":"apple","prototype":`+gala+`}`), "", space.ErrDuplicate},
		{"prototype outside its bounds", fruitDims, cmd("add_concept", `{"name":"x","prototype":`+gala+`,"bounds":{"hue":{"min":90,"max":180}}}`), "", space.ErrBadBound},
		{"bound on a category", fruitDims, cmd("add_concept", `{"name":"x","prototype":`+gala+`,"bounds":{"skin":{"min":"smooth","max":"smooth"}}}`), "", space.ErrBadBound},
		{"move unknown concept", full, cmd("move_concept", `{"name":"pear","to":`+gala+`}`), "", space.ErrUnknownConcept},
		{"move concept out of range", full, cmd("move_concept", `{"name":"apple","to":{"sweet":-1,"hue":0,"skin":"smooth"}}`), "", space.ErrOutOfRange},
		{"remove unknown concept", full, cmd("remove_concept", `{"name":"pear"}`), "", space.ErrUnknownConcept},
		{"duplicate item", full, cmd("add_item", `{"name":"gala","point":`+gala+`}`), "", space.ErrDuplicate},
		{"item without a name", full, cmd("add_item", `{"point":`+gala+`}`), "", space.ErrBadName},
		{"move unknown item", full, cmd("move_item", `{"name":"fuji","to":`+gala+`}`), "", space.ErrUnknownItem},
		{"move item to a bad value", full, cmd("move_item", `{"name":"gala","to":{"sweet":1,"hue":1,"skin":"hairy"}}`), "", space.ErrUnknownValue},
		{"remove unknown item", full, cmd("remove_item", `{"name":"fuji"}`), "", space.ErrUnknownItem},
		{"concept before any dimension", []message.Event{created}, cmd("add_concept", `{"name":"x","prototype":{}}`), "", space.ErrNoDimensions},
		{"item before any dimension", []message.Event{created}, cmd("add_item", `{"name":"x","point":{}}`), "", space.ErrNoDimensions},
		{"remove the last dimension under an item", []message.Event{created, sweetDim, ev("item_added", space.Item{Name: "x", Point: space.Point{"sweet": space.Num(1)}})},
			cmd("remove_dimension", `{"name":"sweet"}`), "", space.ErrNoDimensions},
	}
}
