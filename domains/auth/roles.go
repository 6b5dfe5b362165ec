package auth

import (
	"fmt"
	"strings"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/cimviz/cimviz/domains/subject"
)

// Role is what a user may do on the CIM's subjects.
type Role string

// The roles `cimviz credentials --role` makes.
const (
	// RoleEditor sends commands and queries and reads events: it may
	// create and read consumers on the domain streams but never delete or
	// purge a stream or its messages.
	RoleEditor Role = "editor"
	// RoleService runs domain services: it answers commands and queries,
	// appends events and creates and updates its streams, but does not
	// delete or purge them.
	RoleService Role = "service"
	// RoleAdmin may do everything (backups, restores, deleting streams).
	RoleAdmin Role = "admin"
)

// Roles lists every role, for usage messages.
var Roles = []Role{RoleEditor, RoleService, RoleAdmin}

// ParseRole checks a role name.
func ParseRole(name string) (Role, error) {
	for _, r := range Roles {
		if string(r) == name {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q (want %s)", name, roleNames())
}

func roleNames() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// JetStream API subjects a role may never publish unless it is admin:
// deleting or purging a stream and deleting its messages.
var destructiveJS = []string{
	"$JS.API.STREAM.DELETE.>",
	"$JS.API.STREAM.PURGE.>",
	"$JS.API.STREAM.MSG.DELETE.>",
	"$JS.API.STREAM.RESTORE.>",
}

// streamReads are the JetStream API requests that read a domain stream:
// stream and consumer info, creating a consumer, fetching from it and
// deleting it (an ordered consumer removes its own when done; a consumer
// holds no data), getting single messages and the account info.
var streamReads = []string{
	"$JS.API.INFO",
	"$JS.API.STREAM.NAMES",
	"$JS.API.STREAM.LIST",
	"$JS.API.STREAM.INFO.*",
	"$JS.API.STREAM.MSG.GET.*",
	"$JS.API.DIRECT.GET.>",
	"$JS.API.CONSUMER.CREATE.*",
	"$JS.API.CONSUMER.CREATE.*.>",
	"$JS.API.CONSUMER.INFO.*.*",
	"$JS.API.CONSUMER.MSG.NEXT.*.*",
	"$JS.API.CONSUMER.DELETE.*.*",
	"$JS.FC.>",
}

// Permissions are role's subject permissions in domains/subject's terms
// (empty allow lists allow everything; deny wins).
//
// An editor publishes commands and queries, the service discovery
// requests and the stream reads above, and subscribes to the CIM's
// traffic (its event log shows commands too), discovery and its inboxes.
// It does not publish on _INBOX: only a service answers requests, and an
// editor that could would be able to forge other clients' replies.
func (r Role) Permissions() subject.Permissions {
	switch r {
	case RoleEditor:
		return subject.Permissions{
			Publish: subject.Rules{
				Allow: append([]string{"cim.*.cmd.>", "cim.*.qry.>", "$SRV.>"}, streamReads...),
				Deny:  destructiveJS,
			},
			Subscribe: subject.Rules{Allow: []string{"cim.>", "$SRV.>", "_INBOX.>"}},
		}
	case RoleService:
		return subject.Permissions{
			Publish: subject.Rules{
				Allow: []string{"cim.>", "_INBOX.>", "$SRV.>", "$JS.API.>", "$JS.ACK.>", "$JS.FC.>"},
				Deny:  destructiveJS,
			},
			Subscribe: subject.Rules{Allow: []string{"cim.>", "_INBOX.>", "$SRV.>"}},
		}
	default: // admin: empty lists allow everything
		return subject.Permissions{}
	}
}

// ServerPermissions turns p into nats-server's form. Empty rules stay
// nil, which nats-server reads as "everything".
func ServerPermissions(p subject.Permissions) *server.Permissions {
	if len(p.Publish.Allow)+len(p.Publish.Deny)+len(p.Subscribe.Allow)+len(p.Subscribe.Deny) == 0 {
		return nil
	}
	return &server.Permissions{Publish: serverRules(p.Publish), Subscribe: serverRules(p.Subscribe)}
}

func serverRules(r subject.Rules) *server.SubjectPermission {
	if len(r.Allow)+len(r.Deny) == 0 {
		return nil
	}
	return &server.SubjectPermission{Allow: r.Allow, Deny: r.Deny}
}
