package domainview

import (
	"strings"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// RelationshipsID is the graph ID of the people's relationship graph.
const RelationshipsID = "view-relationships"

// Relationships is the person domain's relationship graph: a node per
// person, an edge per typed, directed relationship (manager_of, mentor_of,
// colleague ...). Renaming a node renames the person (rename_person).
var Relationships = View{
	ID: RelationshipsID, Name: "People and relationships (live)", Asks: []Ask{{Domain: "person", Query: "relationships"}},
	Build: func(answers [][]byte) (*graph.Graph, error) { return buildRelationships(answers[0]) }, Rename: renamePerson, Direction: layout.TopDown,
}

// Node kinds of the views (the editor colours nodes by kind).
const (
	KindPerson = "person"
	KindUnit   = "unit"
	KindPlace  = "place"
)

// relationshipsAnswer is the person domain's relationships view.
type relationshipsAnswer struct {
	Nodes []struct {
		ID      string   `json:"id"`
		Display string   `json:"display"`
		Emails  []string `json:"emails"`
		Skills  []struct {
			Name string `json:"name"`
		} `json:"skills"`
	} `json:"nodes"`
	Edges []struct {
		From string `json:"from"`
		Type string `json:"type"`
		To   string `json:"to"`
	} `json:"edges"`
}

func buildRelationships(answer []byte) (*graph.Graph, error) {
	a, err := decodeAnswer[relationshipsAnswer](answer)
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	for _, n := range a.Nodes {
		props := map[string]string{"person": n.ID}
		if len(n.Emails) > 0 {
			props["email"] = strings.Join(n.Emails, ", ")
		}
		skills := make([]string, len(n.Skills))
		for i, s := range n.Skills {
			skills[i] = s.Name
		}
		if len(skills) > 0 {
			props["skills"] = strings.Join(skills, ", ")
		}
		b.node(n.ID, KindPerson, n.Display, props)
	}
	for _, e := range a.Edges {
		b.edge(e.From, e.To, e.Type, strings.ReplaceAll(e.Type, "_", " "))
	}
	return b.g, nil
}

// renamePerson: the label is the display name; its last word is taken as
// the family name and the rest as the given name.
func renamePerson(node, label string) (Command, bool) {
	label = strings.TrimSpace(label)
	given, family := label, ""
	if i := strings.LastIndexByte(label, ' '); i > 0 {
		given, family = strings.TrimSpace(label[:i]), label[i+1:]
	}
	name := map[string]string{"display": label, "given": given}
	if family != "" {
		name["family"] = family
	}
	return Command{Domain: "person", Type: "rename_person", Aggregate: node, Payload: map[string]any{"name": name}}, true
}
