package domainview

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/domains/person"
)

// The relationship view shows every person of the person domain's own
// answer and every relationship between them, laid out.
func TestRelationshipsFromThePersonDomainsAnswer(t *testing.T) {
	people := person.Company()
	answer, err := json.Marshal(person.RelationshipGraph(people))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Relationships.Graph(answer)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, p := range people {
		want += len(p.Relations)
		n, ok := g.Node(p.ID)
		if !ok || n.Label != p.Name.Display || n.Kind != "person" {
			t.Fatalf("person %s shown as %+v (found %v)", p.ID, n, ok)
		}
	}
	if len(g.Edges) != want || g.ID != RelationshipsID {
		t.Fatalf("graph %q has %d edges, want %d", g.ID, len(g.Edges), want)
	}
	ada, _ := g.Node("person-ada")
	grace, _ := g.Node("person-grace")
	if ada.Pos == grace.Pos {
		t.Fatal("the layout left two people on one spot")
	}
}

func TestRenamingAPersonSplitsTheName(t *testing.T) {
	cmd, ok := Relationships.Rename("person-ada", "  Ada King Lovelace ")
	if !ok || cmd.Type != "rename_person" || cmd.Aggregate != "person-ada" {
		t.Fatalf("rename = %+v, %v", cmd, ok)
	}
	name := cmd.Payload.(map[string]any)["name"].(map[string]string)
	if name["display"] != "Ada King Lovelace" || name["given"] != "Ada King" || name["family"] != "Lovelace" {
		t.Fatalf("name = %v", name)
	}
}

func TestAnAnswerThatIsNotAViewIsAnError(t *testing.T) {
	for _, v := range All() {
		if _, err := v.Graph([]byte(`{"nodes": 3}`)); !errors.Is(err, ErrAnswer) {
			t.Errorf("%s: err = %v, want ErrAnswer", v.Name, err)
		}
	}
}
