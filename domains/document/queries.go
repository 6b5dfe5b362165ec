package document

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/cimviz/cimviz/domains/service"
)

// ReplyLimit is the largest body the get query carries in its answer; a
// larger one is read from the object store by the caller ([Read]).
const ReplyLimit = 512 << 10

// GetArgs are the get query's arguments: the version (latest when CID is
// empty) and whether to leave the content out.
type GetArgs struct {
	CID       string `json:"cid,omitempty"`
	NoContent bool   `json:"no_content,omitempty"`
}

// GetAnswer is a document at one of its versions. Text (UTF-8 bodies) or
// Body holds the content unless ContentOmitted says it was left out
// (asked to, or over [ReplyLimit]).
type GetAnswer struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	MediaType        string   `json:"media_type"`
	Tags             []string `json:"tags,omitempty"`
	Author           string   `json:"author,omitempty"`
	Links            []Target `json:"links,omitempty"`
	Version          Version  `json:"version"`
	Versions         int      `json:"versions"`
	AggregateVersion uint64   `json:"aggregate_version"`
	Text             *string  `json:"text,omitempty"`
	Body             []byte   `json:"body,omitempty"`
	ContentOmitted   bool     `json:"content_omitted,omitempty"`
}

// VersionsAnswer is the versions query's answer: the DAG.
type VersionsAnswer struct {
	Versions []Version `json:"versions"`
	Heads    []string  `json:"heads"`
	Latest   string    `json:"latest"`
}

// queries are the domain's queries about one document; blobs (nil: none)
// is where bodies over InlineLimit are read from.
func queries(blobs Blobs) map[string]service.Query[*Document] {
	return map[string]service.Query[*Document]{
		"get": func(d *Document, v uint64, args json.RawMessage) (any, error) { return get(blobs, d, v, args) },
		"versions": func(d *Document, _ uint64, _ json.RawMessage) (any, error) {
			out := VersionsAnswer{Versions: make([]Version, len(d.Versions)), Heads: d.Heads()}
			for i, v := range d.Versions {
				out.Versions[i] = v.bare()
			}
			if l := d.Latest(); l != nil {
				out.Latest = l.CID
			}
			return out, nil
		},
	}
}

func get(blobs Blobs, d *Document, aggVersion uint64, args json.RawMessage) (any, error) {
	var a GetArgs
	if err := decode(args, &a, true); err != nil {
		return nil, fmt.Errorf("%w: get: %w", service.ErrInvalid, err)
	}
	v := d.Latest()
	if a.CID != "" {
		v = d.Version(a.CID)
	}
	if v == nil {
		return nil, fmt.Errorf("%w: document %q has no version %q", service.ErrNotFound, d.ID, a.CID)
	}
	out := GetAnswer{ID: d.ID, Title: d.Title, MediaType: d.MediaType, Tags: d.Tags, Author: d.Author, Links: d.Links,
		Version: v.bare(), Versions: len(d.Versions), AggregateVersion: aggVersion}
	if a.NoContent || v.Size > ReplyLimit {
		out.ContentOmitted = true
		return out, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	body, err := Body(ctx, blobs, *v)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", service.ErrInternal, err)
	}
	out.setContent(body)
	return out, nil
}

// setContent puts a body in Text when it is UTF-8, else in Body.
func (a *GetAnswer) setContent(body []byte) {
	if utf8.Valid(body) {
		s := string(body)
		a.Text = &s
	} else {
		a.Body = body
	}
}

// Content is the answer's body ("" when omitted).
func (a GetAnswer) Content() []byte {
	if a.Text != nil {
		return []byte(*a.Text)
	}
	return a.Body
}

// bare is the version without its inline content.
func (v Version) bare() Version {
	v.Text, v.Body = "", nil
	return v
}

// Body is a version's body, inline or from blobs, checked against its
// CID: a body that does not match is [ErrCorrupt].
func Body(ctx context.Context, blobs Blobs, v Version) ([]byte, error) {
	c, err := ParseCID(v.CID)
	if err != nil {
		return nil, err
	}
	if v.Stored != Object {
		body := v.Body
		if v.Text != "" {
			body = []byte(v.Text)
		}
		return body, Verify(c, body)
	}
	if blobs == nil {
		return nil, fmt.Errorf("%w: body %s is in the object store and none is open", ErrMissing, v.CID)
	}
	return blobs.Get(ctx, c)
}
