package subject

import (
	"errors"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name    string
		build   func() (string, error)
		want    string
		wantErr string
	}{
		{"command", func() (string, error) { return Command("graph", "add-node") }, "cim.graph.cmd.add-node", ""},
		{"query", func() (string, error) { return Query("graph", "node") }, "cim.graph.qry.node", ""},
		{"event", func() (string, error) { return Event("graph", "0191-ab", "node-added") }, "cim.graph.evt.0191-ab.node-added", ""},
		{"empty domain", func() (string, error) { return Command("", "x") }, "", "domain token is empty"},
		{"dot in command", func() (string, error) { return Command("graph", "a.b") }, "", `command token "a.b" contains a '.'`},
		{"space in aggregate", func() (string, error) { return Event("graph", "a b", "e") }, "", `aggregate id token "a b" contains whitespace`},
		{"wildcard in event", func() (string, error) { return Event("graph", "a", "*") }, "", `event token "*" contains the wildcard '*'`},
		{"tail wildcard in query", func() (string, error) { return Query("graph", "x>") }, "", `query token "x>" contains the wildcard '>'`},
		{"control char", func() (string, error) { return Command("gr\x00aph", "x") }, "", "control character"},
		{"tab", func() (string, error) { return Command("graph", "a\tb") }, "", "whitespace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.build()
			if tt.wantErr != "" {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want ErrInvalid mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Subject
		wantErr string
	}{
		{"cim.graph.cmd.add-node", Subject{Domain: "graph", Kind: KindCommand, Name: "add-node"}, ""},
		{"cim.graph.qry.nodes", Subject{Domain: "graph", Kind: KindQuery, Name: "nodes"}, ""},
		{"cim.graph.evt.g1.node-added", Subject{Domain: "graph", Kind: KindEvent, AggregateID: "g1", Name: "node-added"}, ""},
		{"nats.graph.cmd.x", Subject{}, "want cim."},
		{"cim.graph.cmd", Subject{}, "want cim."},
		{"cim.graph.cmd.a.b", Subject{}, `5 tokens is the wrong count for "cmd"`},
		{"cim.graph.evt.g1", Subject{}, `4 tokens is the wrong count for "evt"`},
		{"cim.graph.run.x", Subject{}, `kind token "run"`},
		{"cim..cmd.x", Subject{}, "domain token is empty"},
		{"cim.graph.cmd.*", Subject{}, `command token "*" contains the wildcard`},
		{"cim.graph.evt.>.x", Subject{}, `aggregate id token ">"`},
		{"cim.graph.evt.g1.", Subject{}, "event token is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.wantErr != "" {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want ErrInvalid mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want || got.String() != tt.in {
				t.Fatalf("Parse = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"cim.graph.cmd.add-node", "cim.graph.qry.nodes", "cim.graph.evt.g1.node-added",
		"cim.graph.evt.g1", "cim..cmd.x", "cim.graph.cmd.*", "cim.a.evt.>.x", "", ".", "cim",
		"cim.graph.cmd.a b", "cim.gr\xffph.cmd.x", "cim.g.cmd.\u00e9v\u00e9nement",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if s.String() != in {
			t.Fatalf("Parse(%q).String() = %q", in, s.String())
		}
		if ValidateLiteral(in) != nil || !Match(in, in) {
			t.Fatalf("parsed subject %q is not a valid literal matching itself", in)
		}
	})
}
