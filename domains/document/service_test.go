package document_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/document"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// rig is the document service on the real embedded NATS server with a
// JetStream store and the object store.
type rig struct {
	nc     *nats.Conn
	client *service.Client
	store  *jsstore.Store
}

func start(t *testing.T) *rig {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, err := jsstore.Open(ctx, nc, document.DomainName)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := document.Servable{}.Start(nc, store, service.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Stop(); store.Close() })
	return &rig{nc: nc, client: service.NewClient(nc, document.DomainName), store: store}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func (r *rig) send(t *testing.T, c message.Command) (service.Ack, error) {
	return r.client.Send(ctx(t), c)
}

func (r *rig) must(t *testing.T, typ, id string, payload any) service.Ack {
	t.Helper()
	ack, err := r.send(t, command(typ, id, payload))
	if err != nil {
		t.Fatalf("%s %s: %v", typ, id, err)
	}
	return ack
}

func (r *rig) query(t *testing.T, name, id string, args, out any) {
	t.Helper()
	if err := r.client.Query(ctx(t), name, id, args, out); err != nil {
		t.Fatalf("%s %s: %v", name, id, err)
	}
}

func command(typ, id string, payload any) message.Command {
	raw, ok := payload.(string)
	if !ok {
		b, _ := json.Marshal(payload)
		raw = string(b)
	}
	c := message.NewCommand(document.DomainName, typ, id, json.RawMessage(raw))
	c.Actor = "person-ada"
	return c
}

func text(s string) document.Content { return document.Content{Text: &s} }

// A small document through its life: created by Ada, a second version,
// a link from a graph node, read back at each version and found by the
// links view.
func TestDocumentOverNATS(t *testing.T) {
	r := start(t)
	r.must(t, "create_document", "doc-readme", document.Create{Title: "Readme", MediaType: "text/markdown", Content: text("# Readme\n")})
	r.must(t, "add_version", "doc-readme", document.AddVersion{Note: "more", Content: text("# Readme\n\nMore.\n")})
	r.must(t, "link", "doc-readme", document.Target{Graph: "g1", Node: "n1"})

	var latest document.GetAnswer
	r.query(t, "get", "doc-readme", nil, &latest)
	if string(latest.Content()) != "# Readme\n\nMore.\n" || latest.Author != "person-ada" || latest.Versions != 2 || latest.Version.Time.IsZero() {
		t.Fatalf("latest: %+v", latest)
	}
	var first document.GetAnswer
	r.query(t, "get", "doc-readme", document.GetArgs{CID: latest.Version.Parents[0]}, &first)
	if string(first.Content()) != "# Readme\n" || first.Version.CID != document.Sum([]byte("# Readme\n")).String() {
		t.Fatalf("first: %+v", first)
	}
	var dag document.VersionsAnswer
	r.query(t, "versions", "doc-readme", nil, &dag)
	if len(dag.Versions) != 2 || len(dag.Heads) != 1 || dag.Heads[0] != latest.Version.CID || dag.Latest != latest.Version.CID {
		t.Fatalf("versions: %+v", dag)
	}
	var links []document.LinkAnswer
	waitFor(t, func() bool {
		r.query(t, "links", "", document.LinksArgs{Graph: "g1", Node: "n1"}, &links)
		return len(links) == 1
	})
	if links[0].Document != "doc-readme" || links[0].Title != "Readme" {
		t.Fatalf("links: %+v", links)
	}
	var none []document.LinkAnswer
	r.query(t, "links", "", document.LinksArgs{Workflow: "purchase", Step: "approve"}, &none)
	if len(none) != 0 {
		t.Fatalf("links of a step nothing links: %+v", none)
	}
}

// A body over the inline limit is accepted, put in the object store
// under its CID, kept out of the event, and read back verified; one too
// large for a query's answer is read from the object store by Read.
func TestLargeBodyGoesThroughTheObjectStore(t *testing.T) {
	r := start(t)
	for _, n := range []int{200 << 10, 600 << 10} {
		body := bytes.Repeat([]byte("0123456789abcdef"), n/16)
		id := fmt.Sprintf("doc-big-%d", n>>10)
		r.must(t, "create_document", id, document.Create{Title: "Big", MediaType: "application/octet-stream", Content: document.Content{Body: body}})
		sum := document.Sum(body)

		evs, err := r.store.Load(ctx(t), id, 0)
		if err != nil || len(evs) != 1 || len(evs[0].Payload) > 1024 || !bytes.Contains(evs[0].Payload, []byte(sum.String())) {
			t.Fatalf("%d bytes: stored event %d bytes, %v", n, len(evs[0].Payload), err)
		}
		blobs, err := document.OpenBlobs(ctx(t), r.nc)
		if err != nil {
			t.Fatal(err)
		}
		info, err := blobs.Store().GetInfo(ctx(t), sum.String())
		if err != nil || info.Size != uint64(len(body)) {
			t.Fatalf("object %s: %+v, %v", sum, info, err)
		}
		a, got, err := document.Read(ctx(t), r.nc, id, "")
		if err != nil || !bytes.Equal(got, body) || a.Version.Stored != document.Object || a.Version.CID != sum.String() {
			t.Fatalf("%d bytes read back: %d bytes, %+v, %v", n, len(got), a.Version, err)
		}
		if omitted := n > document.ReplyLimit; a.ContentOmitted != omitted {
			t.Fatalf("%d bytes: content omitted %v", n, a.ContentOmitted)
		}
	}
}

// A body in the object store that no longer matches its CID is never
// handed out: the service answers 500 and Blobs.Get says ErrCorrupt.
func TestCorruptBodyIsRefused(t *testing.T) {
	r := start(t)
	body := bytes.Repeat([]byte("x"), document.InlineLimit+1)
	r.must(t, "create_document", "doc-big", document.Create{Title: "Big", Content: document.Content{Body: body}})
	blobs, err := document.OpenBlobs(ctx(t), r.nc)
	if err != nil {
		t.Fatal(err)
	}
	sum := document.Sum(body)
	if _, err := blobs.Store().PutBytes(ctx(t), sum.String(), bytes.Repeat([]byte("y"), len(body))); err != nil {
		t.Fatal(err)
	}
	if _, err := blobs.Get(ctx(t), sum); !errors.Is(err, document.ErrCorrupt) {
		t.Fatalf("Get of a tampered body: %v", err)
	}
	if _, _, err := document.Read(ctx(t), r.nc, "doc-big", ""); !errors.Is(err, service.ErrInternal) {
		t.Fatalf("Read of a tampered body: %v", err)
	}
}

// Refusals come back with their codes, and nothing is appended for them.
func TestRefusalsOverNATS(t *testing.T) {
	r := start(t)
	r.must(t, "create_document", "doc-a", document.Create{Title: "A", Content: text("a")})
	before, err := r.store.LastSequence(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    message.Command
		code int
	}{
		{"malformed JSON", command("add_version", "doc-a", `{"text":`), 400},
		{"unknown field", command("add_version", "doc-a", `{"txt":"b"}`), 400},
		{"bad link", command("link", "doc-a", `{"graph":"g"}`), 400},
		{"no such document", command("add_version", "doc-none", `{"text":"b"}`), 404},
		{"unknown parent", command("add_version", "doc-a", `{"parents":["`+document.Sum([]byte("z")).String()+`"],"text":"b"}`), 404},
		{"created twice", command("create_document", "doc-a", `{"title":"A","text":"a"}`), 409},
		{"same bytes", command("add_version", "doc-a", `{"text":"a"}`), 409},
	}
	for _, tt := range tests {
		_, err := r.send(t, tt.c)
		var we *service.Error
		if !errors.As(err, &we) || we.Code != tt.code {
			t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.code)
		}
	}
	if after, err := r.store.LastSequence(ctx(t)); err != nil || after != before {
		t.Fatalf("refused commands appended: sequence %d -> %d, %v", before, after, err)
	}
	var links []document.LinkAnswer
	if err := r.client.Query(ctx(t), "links", "", map[string]string{"node": "n"}, &links); !errors.Is(err, service.ErrInvalid) {
		t.Errorf("links view without a graph: %v, want 400", err)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}

// Importing a folder creates a document per Markdown file; importing it
// again changes nothing, and an edited file gets a new version.
func TestImportDir(t *testing.T) {
	r := start(t)
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("README.md", "# Readme\n")
	write("guides/setup.md", "# Setup\n\n1. install\n")
	outcomes := func() map[string]string {
		got := map[string]string{}
		if err := document.ImportDir(ctx(t), r.nc, os.DirFS(dir), "person-grace", func(res document.ImportResult) {
			got[res.File.ID] = res.Outcome
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := outcomes(); got["doc-readme"] != document.OutcomeCreated || got["doc-guides-setup"] != document.OutcomeCreated {
		t.Fatalf("first import: %v", got)
	}
	if got := outcomes(); got["doc-readme"] != document.OutcomeUnchanged || got["doc-guides-setup"] != document.OutcomeUnchanged {
		t.Fatalf("second import: %v", got)
	}
	write("README.md", "# Readme\n\nEdited.\n")
	if got := outcomes(); got["doc-readme"] != document.OutcomeVersioned || got["doc-guides-setup"] != document.OutcomeUnchanged {
		t.Fatalf("after an edit: %v", got)
	}
	a, body, err := document.Read(ctx(t), r.nc, "doc-readme", "")
	if err != nil || string(body) != "# Readme\n\nEdited.\n" || a.Versions != 2 || a.MediaType != document.MediaMarkdown || a.Author != "person-grace" {
		t.Fatalf("read back: %+v %q %v", a, body, err)
	}
}
