package identity

import (
	"encoding/json"
	"strings"

	"github.com/cimviz/cimviz/domains/message"
)

// Seed returns the commands that register each person ID (such as
// "person-ada") as a verified person principal, named after the ID's
// last part; send them in order on first run.
func Seed(people []string) []message.Command {
	out := make([]message.Command, 0, 2*len(people))
	for _, id := range people {
		name := id[strings.LastIndex(id, "-")+1:]
		reg, _ := json.Marshal(Register{Kind: Person, Name: name})
		out = append(out,
			message.NewCommand(Name, "register_principal", id, reg),
			message.NewCommand(Name, "verify_principal", id, json.RawMessage(`{}`)))
	}
	return out
}
