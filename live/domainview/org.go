package domainview

import (
	"cmp"
	"maps"
	"slices"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// OrgChartID is the graph ID of the sample organization's chart.
const OrgChartID = "view-org-chart"

// SampleOrganization is the organization aggregate the first run seeds.
const SampleOrganization = "org-acme"

// OrgChart is an organization's chart: its units as a hierarchy, the
// people holding roles in them (edges labelled with the role), and who
// reports to whom (a node property). People are named from the person domain; renaming a
// person's node renames the person (rename_person).
var OrgChart = View{
	ID: OrgChartID, Name: "Org chart (live)",
	Asks:  []Ask{{Domain: "organization", Query: "get", Aggregate: SampleOrganization}, {Domain: "person", Query: "people"}},
	Build: func(answers [][]byte) (*graph.Graph, error) { return buildOrgChart(answers[0], answers[1]) },
	Rename: func(node, label string) (Command, bool) {
		if _, isUnit := unitOf(node); isUnit {
			return Command{}, false // units have no rename command
		}
		return renamePerson(node, label)
	},
	Direction: layout.TopDown,
}

type orgAnswer struct {
	Name  string `json:"name"`
	Units map[string]struct {
		Name       string `json:"name"`
		Parent     string `json:"parent"`
		MergedInto string `json:"merged_into"`
		Members    []struct {
			Person string `json:"person"`
			Role   string `json:"role"`
		} `json:"members"`
	} `json:"units"`
	ReportsTo map[string]string `json:"reports_to"`
}

type peopleAnswer []struct {
	ID      string `json:"id"`
	Display string `json:"display"`
}

const unitPrefix = "unit:"

func unitNode(id string) string { return unitPrefix + id }

func unitOf(node string) (string, bool) {
	if len(node) > len(unitPrefix) && node[:len(unitPrefix)] == unitPrefix {
		return node[len(unitPrefix):], true
	}
	return "", false
}

func buildOrgChart(orgJSON, peopleJSON []byte) (*graph.Graph, error) {
	org, err := decodeAnswer[orgAnswer](orgJSON)
	if err != nil {
		return nil, err
	}
	people, err := decodeAnswer[peopleAnswer](peopleJSON)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, p := range people {
		names[p.ID] = p.Display
	}
	b := newBuilder()
	ids := slices.SortedFunc(maps.Keys(org.Units), cmp.Compare[string])
	for _, id := range ids {
		if u := org.Units[id]; u.MergedInto == "" {
			b.node(unitNode(id), KindUnit, u.Name, map[string]string{"unit": id})
		}
	}
	for _, id := range ids {
		u := org.Units[id]
		if u.MergedInto != "" {
			continue
		}
		b.edge(unitNode(u.Parent), unitNode(id), "contains", "")
		for _, m := range u.Members {
			b.node(m.Person, KindPerson, cmp.Or(names[m.Person], m.Person), map[string]string{"person": m.Person})
			b.edge(unitNode(id), m.Person, "role", m.Role)
		}
	}
	// reporting lines are a property, not edges: drawn, they would fold
	// the chart's unit hierarchy into a second one across it
	for i, n := range b.g.Nodes {
		if m, ok := org.ReportsTo[n.ID]; ok {
			b.g.Nodes[i].Props["reports_to"] = cmp.Or(names[m], m)
		}
	}
	return b.g, nil
}
