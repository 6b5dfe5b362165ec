package identity

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

func ev(typ string, payload any) message.Event {
	raw, _ := json.Marshal(payload)
	return message.Event{Type: typ, AggregateID: "person-ada", Payload: raw}
}

func cmd(typ, payload string) message.Command {
	return message.Command{Type: typ, AggregateID: "person-ada", Payload: json.RawMessage(payload)}
}

func given(events ...message.Event) *Principal {
	p := Domain.New()
	for _, e := range events {
		p = Apply(p, e)
	}
	return p
}

var (
	registered = ev("principal_registered", Register{Kind: Person, Name: "Ada"})
	verified   = ev("principal_verified", Empty{})
	revoked    = ev("principal_revoked", Revoke{})
	oidc       = ev("credential_ref_added", CredentialRef{Kind: "oidc", Reference: "https://id.example/ada"})
	approver   = ev("claim_granted", Claim{Role: "approver", Scope: "unit:sales"})
	live       = []message.Event{registered, oidc, approver}
	dead       = []message.Event{registered, oidc, approver, revoked}
)

type gwt struct {
	name    string
	given   []message.Event
	when    message.Command
	then    string // the event type, or "" for a refusal
	wantErr error
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
			before, _ := json.Marshal(given(tt.given...))
			after, _ := json.Marshal(Apply(given(tt.given...), ev(drafts[0].Type, drafts[0].Payload)))
			if string(before) == string(after) {
				t.Fatalf("%s left the principal as it was: %s", drafts[0].Type, after)
			}
		})
	}
}

func accepted() []gwt {
	return []gwt{
		{"register a person", nil, cmd("register_principal", `{"kind":"person","name":"Ada"}`), "principal_registered", nil},
		{"register an agent", nil, cmd("register_principal", `{"kind":"agent","name":"triage bot"}`), "principal_registered", nil},
		{"add a credential reference", live, cmd("add_credential_ref", `{"kind":"ssh-key","reference":"SHA256:abc"}`), "credential_ref_added", nil},
		{"remove a credential reference", live, cmd("remove_credential_ref", `{"kind":"oidc","reference":"https://id.example/ada"}`), "credential_ref_removed", nil},
		{"grant a claim with expiry", live, cmd("grant_claim", `{"role":"manager","scope":"unit:sales","expires":"2030-01-01T00:00:00Z"}`), "claim_granted", nil},
		{"same role, other scope", live, cmd("grant_claim", `{"role":"approver","scope":"unit:engineering"}`), "claim_granted", nil},
		{"revoke a claim", live, cmd("revoke_claim", `{"role":"approver","scope":"unit:sales"}`), "claim_revoked", nil},
		{"verify", live, cmd("verify_principal", `{}`), "principal_verified", nil},
		{"verify with no payload", live, cmd("verify_principal", ``), "principal_verified", nil},
		{"revoke", append(live[:3:3], verified), cmd("revoke_principal", `{"reason":"left"}`), "principal_revoked", nil},
	}
}

func refused() []gwt {
	return []gwt{
		{"unknown kind", nil, cmd("register_principal", `{"kind":"robot","name":"x"}`), "", ErrBadKind},
		{"no name", nil, cmd("register_principal", `{"kind":"person"}`), "", ErrBadName},
		{"unprintable name", nil, cmd("register_principal", `{"kind":"person","name":"a\u0000b"}`), "", ErrBadName},
		{"typo in a field", nil, cmd("register_principal", `{"knd":"person","name":"x"}`), "", ErrPayload},
		{"two JSON values", nil, cmd("register_principal", `{} {}`), "", ErrPayload},
		{"unknown command", live, cmd("explode", `{}`), "", service.ErrInvalid},
		{"a password", live, cmd("add_credential_ref", `{"kind":"password","reference":"hunter2"}`), "", ErrSecret},
		{"a secret field", live, cmd("add_credential_ref", `{"kind":"oidc","reference":"x","secret":"s"}`), "", ErrPayload},
		{"bad credential kind", live, cmd("add_credential_ref", `{"kind":"OIDC!","reference":"x"}`), "", ErrBadKind},
		{"reference with spaces", live, cmd("add_credential_ref", `{"kind":"oidc","reference":"a b"}`), "", ErrBadName},
		{"duplicate credential", live, cmd("add_credential_ref", `{"kind":"oidc","reference":"https://id.example/ada"}`), "", ErrDuplicate},
		{"remove unknown credential", live, cmd("remove_credential_ref", `{"kind":"oidc","reference":"nope"}`), "", ErrUnknown},
		{"claim without a scope", live, cmd("grant_claim", `{"role":"approver"}`), "", ErrBadName},
		{"expiry not RFC 3339", live, cmd("grant_claim", `{"role":"r","scope":"s","expires":"tomorrow"}`), "", ErrPayload},
		{"duplicate claim", live, cmd("grant_claim", `{"role":"approver","scope":"unit:sales"}`), "", ErrDuplicate},
		{"revoke unknown claim", live, cmd("revoke_claim", `{"role":"approver","scope":"unit:hr"}`), "", ErrUnknown},
		{"verify twice", append(live[:3:3], verified), cmd("verify_principal", `{}`), "", ErrState},
		{"verify the revoked", dead, cmd("verify_principal", `{}`), "", ErrState},
		{"revoke twice", dead, cmd("revoke_principal", `{}`), "", ErrState},
		{"grant to the revoked", dead, cmd("grant_claim", `{"role":"r","scope":"s"}`), "", ErrState},
		{"credential for the revoked", dead, cmd("add_credential_ref", `{"kind":"oidc","reference":"x"}`), "", ErrState},
	}
}

// Claims expire, and a revoked principal holds none.
func TestActiveClaims(t *testing.T) {
	exp := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	p := given(append(live[:3:3], ev("claim_granted", Claim{Role: "manager", Scope: "unit:sales", Expires: &exp}))...)
	before, after := exp.Add(-time.Hour), exp.Add(time.Hour)
	if got := p.ActiveClaims(before); len(got) != 2 || !p.HasClaim("manager", "unit:sales", before) {
		t.Fatalf("before expiry: %+v", got)
	}
	if got := p.ActiveClaims(after); len(got) != 1 || p.HasClaim("manager", "unit:sales", after) || !p.HasClaim("approver", "unit:sales", after) {
		t.Fatalf("after expiry: %+v", got)
	}
	if got := given(dead...).ActiveClaims(before); len(got) != 0 {
		t.Fatalf("revoked principal holds %+v", got)
	}
}

// Seed registers and verifies every person, in order.
func TestSeed(t *testing.T) {
	p := Domain.New()
	for i, c := range Seed([]string{"person-ada"}) {
		drafts, err := Decide(p, c)
		if err != nil {
			t.Fatalf("seed command %d %s: %v", i, c.Type, err)
		}
		p = Apply(p, message.Event{Type: drafts[0].Type, AggregateID: c.AggregateID, Payload: mustJSON(t, drafts[0].Payload)})
	}
	if p.ID != "person-ada" || p.Name != "ada" || p.State != Verified || p.Kind != Person {
		t.Fatalf("seeded %+v", p)
	}
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
