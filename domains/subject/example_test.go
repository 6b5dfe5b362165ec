package subject_test

import (
	"fmt"

	"github.com/cimviz/cimviz/domains/subject"
)

func ExampleParse() {
	s, err := subject.Parse("cim.graph.evt.g1.node-added")
	fmt.Println(s.Domain, s.Kind, s.AggregateID, s.Name, err)
	_, err = subject.Parse("cim.graph.cmd.add node")
	fmt.Println(err)
	// Output:
	// graph evt g1 node-added <nil>
	// subject "cim.graph.cmd.add node": invalid subject: command token "add node" contains whitespace
}

func ExampleMostSpecific() {
	rules := []string{"cim.>", "cim.graph.>", "cim.graph.cmd.*"}
	rule, _ := subject.MostSpecific(rules, "cim.graph.cmd.add-node")
	fmt.Println(rule)
	// Output: cim.graph.cmd.*
}

func ExamplePermissions_CanSubscribe() {
	p := subject.Permissions{Subscribe: subject.Rules{
		Allow: []string{"cim.*.evt.>"},
		Deny:  []string{"cim.users.evt.*.password-set"},
	}}
	fmt.Println(p.CanSubscribe("cim.graph.evt.>"))    // within the allow rule
	fmt.Println(p.CanSubscribe("cim.users.evt.>"))    // could deliver a denied subject
	fmt.Println(p.CanSubscribe("cim.users.evt.u1.*")) // so could this
	fmt.Println(p.CanSubscribe("cim.users.evt.u1.renamed"))
	// Output:
	// true
	// false
	// false
	// true
}
