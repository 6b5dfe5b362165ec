package document

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/document/mdtext"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// MediaMarkdown is the media type of imported Markdown.
const MediaMarkdown = "text/markdown"

// File is one Markdown file of a folder, ready to import.
type File struct {
	Path  string   // slash-separated, relative to the folder
	ID    string   // the document's aggregate ID: doc-<path slug>
	Title string   // the first "# " heading, else the file name
	Tags  []string // the folders it lies in
	Text  string
}

// MarkdownFiles are the .md and .markdown files under fsys, in path
// order, each with a distinct document ID. A file that is not UTF-8 is an
// error naming it.
func MarkdownFiles(fsys fs.FS) ([]File, error) {
	var out []File
	ids := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !isMarkdown(p) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%w: %s is not UTF-8", ErrBadBody, p)
		}
		f := File{Path: p, ID: fileID(p, ids), Title: titleOf(p, string(b)), Tags: tagsOf(p), Text: string(b)}
		ids[f.ID] = true
		out = append(out, f)
		return nil
	})
	return out, err
}

func isMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// fileID is doc-<slug of the path>, with a hash of the path added when
// the slug is long or taken.
func fileID(p string, taken map[string]bool) string {
	id := "doc-" + slug(strings.TrimSuffix(p, path.Ext(p)))
	if len(id) > 100 || taken[id] {
		sum := sha256.Sum256([]byte(p))
		id = id[:min(len(id), 100)] + "-" + hex.EncodeToString(sum[:4])
	}
	return id
}

// slug is s in lower-case letters and digits, other runs as one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// titleOf is the first level-one heading's text, else the file's name.
func titleOf(p, text string) string {
	for line := range strings.Lines(text) {
		if h, ok := strings.CutPrefix(line, "# "); ok {
			if t := clip(strings.TrimSpace(mdtext.Inline(h)), maxTitle); t != "" && checkText("title", t, maxTitle) == nil {
				return t
			}
		}
	}
	return clip(strings.TrimSuffix(path.Base(p), path.Ext(p)), maxTitle)
}

// tagsOf are the folders a path lies in, at most maxTags.
func tagsOf(p string) []string {
	var tags []string
	for _, dir := range strings.Split(path.Dir(p), "/") {
		if dir != "." && dir != "" && len(tags) < maxTags && checkText("tag", dir, maxTag) == nil {
			tags = append(tags, dir)
		}
	}
	return tags
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	for len(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// Outcome of importing one file.
const (
	OutcomeCreated   = "created"
	OutcomeVersioned = "new version"
	OutcomeUnchanged = "unchanged"
)

// ImportResult is what importing one file did.
type ImportResult struct {
	File    File
	Outcome string
	CID     string
	Err     error
}

// ImportDir imports the Markdown files under fsys as actor: a file whose
// document does not exist is created, one whose latest version differs
// gets a new version on it, one that matches is left alone. Each file's
// result goes to report as it is known; the error joins the files'.
func ImportDir(ctx context.Context, nc *nats.Conn, fsys fs.FS, actor string, report func(ImportResult)) error {
	files, err := MarkdownFiles(fsys)
	if err != nil {
		return err
	}
	var errs []error
	for _, f := range files {
		r := importFile(ctx, service.NewClient(nc, DomainName), f, actor)
		if report != nil {
			report(r)
		}
		errs = append(errs, r.Err)
	}
	return errors.Join(errs...)
}

func importFile(ctx context.Context, c *service.Client, f File, actor string) ImportResult {
	r := ImportResult{File: f, CID: Sum([]byte(f.Text)).String(), Outcome: OutcomeCreated}
	text := f.Text
	_, err := send(ctx, c, f.ID, "create_document", Create{Title: f.Title, MediaType: MediaMarkdown, Tags: f.Tags, Content: Content{Text: &text}}, actor)
	if errors.Is(err, service.ErrConflict) {
		var a GetAnswer
		if err = c.Query(ctx, "get", f.ID, GetArgs{NoContent: true}, &a); err == nil && a.Version.CID == r.CID {
			r.Outcome = OutcomeUnchanged
			return r
		}
		if err == nil {
			r.Outcome = OutcomeVersioned
			_, err = send(ctx, c, f.ID, "add_version", AddVersion{Note: "imported from " + f.Path, Content: Content{Text: &text}}, actor)
		}
	}
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", f.Path, err)
	}
	return r
}

func send(ctx context.Context, c *service.Client, id, typ string, payload any, actor string) (service.Ack, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return service.Ack{}, err
	}
	cmd := message.NewCommand(DomainName, typ, id, raw)
	cmd.Actor = actor
	return c.Send(ctx, cmd)
}
