package message

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// X-Actor rides on commands and events when set, is absent otherwise, and
// decodes back; an oversized one is malformed.
func TestActorHeader(t *testing.T) {
	c := NewCommand("d", "do", "a", json.RawMessage(`{}`))
	if _, ok := c.Headers()[HeaderActor]; ok {
		t.Fatal("a command without an actor has an X-Actor header")
	}
	c.Actor = "person-ada"
	got, err := DecodeCommand("d", c.Headers(), c.Payload)
	if err != nil || got.Actor != "person-ada" {
		t.Fatalf("command actor %q, %v", got.Actor, err)
	}
	e := NewEvent(c.Identity, "d", "done", "a", 1, nil)
	e.Actor = c.Actor
	back, err := DecodeEvent("d", e.Headers(), nil)
	if err != nil || back.Actor != "person-ada" {
		t.Fatalf("event actor %q, %v", back.Actor, err)
	}
	h := c.Headers()
	h.Set(HeaderActor, strings.Repeat("x", MaxActor+1))
	if _, err := DecodeCommand("d", h, nil); !errors.Is(err, ErrMalformed) {
		t.Fatalf("oversized actor: err = %v, want ErrMalformed", err)
	}
}
