package auth

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nats-io/nats.go"
)

func TestRolePermissionsFollowTheSubjectRules(t *testing.T) {
	ed := RoleEditor.Permissions()
	for _, s := range []string{"cim.graph.cmd.add_node", "cim.counter.qry.get", "$JS.API.CONSUMER.CREATE.CIM_GRAPH.x.cim.graph.evt.g1"} {
		if !ed.CanPublish(s) {
			t.Errorf("editor may not publish %s", s)
		}
	}
	for _, s := range []string{"$JS.API.STREAM.DELETE.CIM_GRAPH", "$JS.API.STREAM.PURGE.CIM_GRAPH", "cim.graph.evt.g1.node_added", "_INBOX.x"} {
		if ed.CanPublish(s) {
			t.Errorf("editor may publish %s", s)
		}
	}
	if !ed.CanSubscribe("cim.*.evt.>") || ed.CanSubscribe(">") {
		t.Error("editor subscriptions: want events allowed, everything refused")
	}
	svc := RoleService.Permissions()
	if !svc.CanPublish("cim.graph.evt.g1.node_added") || svc.CanPublish("$JS.API.STREAM.DELETE.CIM_GRAPH") {
		t.Error("service: want events allowed, stream deletion refused")
	}
	if ServerPermissions(RoleAdmin.Permissions()) != nil {
		t.Error("admin is not unrestricted")
	}
	for _, r := range Roles {
		if err := r.Permissions().Validate(); err != nil {
			t.Errorf("%s: %v", r, err)
		}
	}
}

func TestCredentialsRegisterAUserWithoutItsSeed(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "ed.nk")
	u, err := NewCredentials(dir, RoleEditor, "ed", out)
	if err != nil {
		t.Fatal(err)
	}
	users, err := LoadUsers(dir)
	if err != nil || len(users) != 1 || users[0].NKey != u.NKey || users[0].Role != RoleEditor {
		t.Fatalf("users %+v, err %v", users, err)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("seed file: %v %v", st, err)
	}
	if _, err := NewCredentials(dir, RoleEditor, "ed", out); err == nil {
		t.Fatal("overwrote an existing seed file")
	}
	if _, err := ClientOptions(out, ""); err != nil {
		t.Fatalf("the seed file is not usable by nats.go: %v", err)
	}
	if _, err := nats.NkeyOptionFromSeed(out); err != nil {
		t.Fatal(err)
	}
}

func TestParseRoleNamesTheRoles(t *testing.T) {
	if _, err := ParseRole("root"); err == nil {
		t.Fatal("accepted an unknown role")
	}
}
