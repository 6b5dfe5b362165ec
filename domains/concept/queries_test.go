package concept

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/service"
)

func colours(t *testing.T) *space.Space {
	t.Helper()
	samples, err := Samples()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.ID == "colours" {
			cmds, _ := SampleCommands(s, "colours")
			return build(t, cmds)
		}
	}
	t.Fatal("no colour sample")
	return nil
}

// ask runs a query as the harness would and returns its JSON answer.
func ask(s *space.Space, name, args string) (string, error) {
	out, err := Domain.Queries[name](s, 7, json.RawMessage(args))
	if err != nil {
		return "", err
	}
	b, _ := json.Marshal(out)
	return string(b), nil
}

func TestQueriesAnswer(t *testing.T) {
	s := colours(t)
	tests := []struct{ name, query, args, want string }{
		{"categorize a point", "categorize", `{"point":{"hue":10,"saturation":0.9,"brightness":0.85}}`, `"name":"red"`},
		{"categorize across the hue seam", "categorize", `{"point":{"hue":359,"saturation":0.9,"brightness":0.8}}`, `"name":"red"`},
		{"categorize an item by name", "categorize", `{"point":"sky"}`, `"name":"blue"`},
		{"nearest items", "knn", `{"point":"red","k":2}`, `{"items":[{"name":"tomato"`},
		{"members of a concept", "members", `{"concept":"grey"}`, `{"items":[{"name":"ash"`},
		{"distance to itself", "distance", `{"a":"tomato","b":"tomato"}`, `{"distance":0,"similarity":1,"similarity_exp":1}`},
		{"orange is between red and yellow", "betweenness", `{"a":"red","b":{"hue":29,"saturation":0.9,"brightness":0.875},"c":"yellow","tolerance":0.01}`, `"between":true`},
		{"blue is not between red and yellow", "betweenness", `{"a":"red","b":"blue","c":"yellow"}`, `"between":false`},
		{"get", "get", ``, `"version":7`},
	}
	for _, tt := range tests {
		got, err := ask(s, tt.query, tt.args)
		if err != nil || !contains(got, tt.want) {
			t.Errorf("%s: %s, %v; want it to contain %s", tt.name, got, err, tt.want)
		}
	}
}

func TestDistanceAnswersAgree(t *testing.T) {
	s := colours(t)
	got, err := ask(s, "distance", `{"a":"red","b":"orange","sensitivity":2}`)
	var d DistanceAnswer
	if err != nil || json.Unmarshal([]byte(got), &d) != nil {
		t.Fatal(got, err)
	}
	if d.Distance <= 0 || math.Abs(d.Similarity-1/(1+d.Distance)) > 1e-12 || math.Abs(d.SimilarityExp-math.Exp(-2*d.Distance)) > 1e-12 {
		t.Fatalf("%+v", d)
	}
}

func TestQueriesRefuse(t *testing.T) {
	s := colours(t)
	tests := []struct {
		name, query, args string
		want              error
	}{
		{"hue out of range", "categorize", `{"point":{"hue":400,"saturation":0.5,"brightness":0.5}}`, space.ErrOutOfRange},
		{"unknown dimension", "categorize", `{"point":{"hue":1,"saturation":0.5,"brightness":0.5,"gloss":1}}`, space.ErrUnknownDimension},
		{"unknown name", "categorize", `{"point":"mauve"}`, space.ErrUnknownItem},
		{"unknown context", "categorize", `{"point":"sky","context":"cooking"}`, space.ErrUnknownContext},
		{"k of zero", "knn", `{"point":"sky","k":0}`, space.ErrBadQuery},
		{"unknown concept", "members", `{"concept":"mauve"}`, space.ErrUnknownConcept},
		{"negative tolerance", "betweenness", `{"a":"red","b":"red","c":"red","tolerance":-1}`, space.ErrBadQuery},
		{"negative sensitivity", "distance", `{"a":"red","b":"red","sensitivity":-1}`, space.ErrBadQuery},
		{"typo in an argument", "knn", `{"piont":"sky","k":1}`, ErrPayload},
		{"not JSON", "distance", `{`, ErrPayload},
	}
	for _, tt := range tests {
		if _, err := ask(s, tt.query, tt.args); !errors.Is(err, service.ErrInvalid) || !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want ErrInvalid and %v", tt.name, err, tt.want)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
