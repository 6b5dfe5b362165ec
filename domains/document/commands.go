package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/ipfs/go-cid"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// DomainName is the domain's subject token.
const DomainName = "document"

// ErrPayload marks a payload that is not the JSON its type expects.
var ErrPayload = errors.New("malformed payload")

// Command payloads.
type (
	// Create makes a document with its first version (create_document).
	Create struct {
		Title     string   `json:"title"`
		MediaType string   `json:"media_type,omitempty"`
		Tags      []string `json:"tags,omitempty"`
		Content
	}
	// AddVersion adds a version whose parents are Parents, or the latest
	// version when Parents is empty (add_version).
	AddVersion struct {
		Parents []string `json:"parents,omitempty"`
		Note    string   `json:"note,omitempty"`
		Content
	}
	// SetMetadata changes the fields it names (set_metadata).
	SetMetadata struct {
		Title     *string   `json:"title,omitempty"`
		MediaType *string   `json:"media_type,omitempty"`
		Tags      *[]string `json:"tags,omitempty"`
	}
	// Content is a body: Text (UTF-8) or Body (bytes, base64 in JSON).
	Content struct {
		Text *string `json:"text,omitempty"`
		Body []byte  `json:"body,omitempty"`
	}
)

// Event payloads (document_linked and document_unlinked carry a
// [Target], metadata_set a [Metadata]).
type (
	// Created is document_created: the metadata, the author and the
	// first version.
	Created struct {
		Metadata
		Author  string  `json:"author,omitempty"`
		Version Version `json:"version"`
	}
	// VersionAdded is version_added.
	VersionAdded struct {
		Version Version `json:"version"`
	}
)

// Blob is a body a decision puts in the object store before its events
// are appended.
type Blob struct {
	CID  cid.Cid
	Body []byte
}

// Decision is what a command decides: the events, and the bodies too
// large for them.
type Decision struct {
	Drafts []service.Draft
	Blobs  []Blob
}

// decider is one command's rule: the event it makes from a copy of the
// document, and a body to store, if any.
type decider func(d *Document, cmd message.Command) (event string, payload any, blob *Blob, err error)

var deciders = map[string]decider{
	"create_document": decideCreate,
	"add_version":     decideVersion,
	"set_metadata":    decideMetadata,
	"link":            decideLink,
	"unlink":          decideUnlink,
}

// Plan is the pure decision: the events a command makes of a document
// and the bodies to put in the object store, or a refusal wrapping the
// harness's sentinel (400 malformed or against the rules, 404 an unknown
// parent, version or link, 409 a duplicate).
func Plan(d *Document, cmd message.Command) (Decision, error) {
	rule, ok := deciders[cmd.Type]
	if !ok {
		return Decision{}, fmt.Errorf("%w: the document domain has no command %q", service.ErrInvalid, cmd.Type)
	}
	event, payload, blob, err := rule(d.clone(), cmd)
	if err != nil {
		return Decision{}, fmt.Errorf("%w: %s: %w", sentinel(err), cmd.Type, err)
	}
	out := Decision{Drafts: []service.Draft{{Type: event, Payload: payload}}}
	if blob != nil {
		out.Blobs = []Blob{*blob}
	}
	return out, nil
}

func decideCreate(_ *Document, cmd message.Command) (string, any, *Blob, error) {
	var c Create
	if err := decode(cmd.Payload, &c, true); err != nil {
		return "", nil, nil, err
	}
	m, err := Metadata{Title: c.Title, MediaType: c.MediaType, Tags: c.Tags}.normal()
	if err != nil {
		return "", nil, nil, err
	}
	v, blob, err := newVersion(c.Content, nil, cmd.Actor, "")
	return "document_created", Created{Metadata: m, Author: cmd.Actor, Version: v}, blob, err
}

func decideVersion(d *Document, cmd message.Command) (string, any, *Blob, error) {
	var c AddVersion
	if err := decode(cmd.Payload, &c, true); err != nil {
		return "", nil, nil, err
	}
	parents, err := d.parents(c.Parents)
	if err != nil {
		return "", nil, nil, err
	}
	if err := checkText("note", c.Note, maxNote); err != nil {
		return "", nil, nil, fmt.Errorf("%w: %w", ErrBadMetadata, err)
	}
	v, blob, err := newVersion(c.Content, parents, cmd.Actor, c.Note)
	if err == nil && d.Version(v.CID) != nil {
		err = fmt.Errorf("%w: version %s (the same bytes)", ErrDuplicate, v.CID)
	}
	return "version_added", VersionAdded{v}, blob, err
}

// parents checks a new version's parents: known, distinct CIDs, the
// latest version when none are named.
func (d *Document) parents(named []string) ([]string, error) {
	if len(named) == 0 {
		if l := d.Latest(); l != nil {
			return []string{l.CID}, nil
		}
		return nil, nil
	}
	if len(named) > maxParents {
		return nil, fmt.Errorf("%w: %d parents, at most %d", ErrBadBody, len(named), maxParents)
	}
	named = slices.Clone(named)
	for i, p := range named {
		c, err := ParseCID(p)
		if err != nil {
			return nil, err
		}
		p = c.String() // the canonical form, whatever base was sent
		named[i] = p
		if slices.Contains(named[:i], p) {
			return nil, fmt.Errorf("%w: parent %s twice", ErrBadBody, p)
		}
		if d.Version(p) == nil {
			return nil, fmt.Errorf("%w: parent version %s", ErrMissing, p)
		}
	}
	return named, nil
}

// newVersion makes a version of a body: inline up to InlineLimit bytes,
// else a blob for the object store.
func newVersion(c Content, parents []string, author, note string) (Version, *Blob, error) {
	body, err := c.bytes()
	if err != nil {
		return Version{}, nil, err
	}
	sum := Sum(body)
	v := Version{CID: sum.String(), Parents: parents, Size: len(body), Author: author, Note: note, Stored: Inline}
	switch {
	case len(body) > InlineLimit:
		v.Stored = Object
		return v, &Blob{CID: sum, Body: body}, nil
	case utf8.Valid(body):
		v.Text = string(body)
	default:
		v.Body = body
	}
	return v, nil, nil
}

// bytes is the content's body; exactly one of text and body is given.
func (c Content) bytes() ([]byte, error) {
	switch {
	case c.Text != nil && c.Body != nil:
		return nil, fmt.Errorf("%w: give text or body, not both", ErrBadBody)
	case c.Text != nil:
		if !utf8.ValidString(*c.Text) {
			return nil, fmt.Errorf("%w: text is not UTF-8 (send bytes as body, base64)", ErrBadBody)
		}
		return []byte(*c.Text), nil
	case c.Body != nil:
		return c.Body, nil
	}
	return nil, fmt.Errorf("%w: no text and no body", ErrBadBody)
}

func decideMetadata(d *Document, cmd message.Command) (string, any, *Blob, error) {
	var c SetMetadata
	if err := decode(cmd.Payload, &c, true); err != nil {
		return "", nil, nil, err
	}
	m := Metadata{Title: d.Title, MediaType: d.MediaType, Tags: d.Tags}
	if c.Title != nil {
		m.Title = *c.Title
	}
	if c.MediaType != nil {
		m.MediaType = *c.MediaType
	}
	if c.Tags != nil {
		m.Tags = *c.Tags
	}
	m, err := m.normal()
	if err == nil && m.Title == d.Title && m.MediaType == d.MediaType && slices.Equal(m.Tags, d.Tags) {
		err = fmt.Errorf("%w: the metadata is already so", ErrDuplicate)
	}
	return "metadata_set", m, nil, err
}

func decideLink(d *Document, cmd message.Command) (string, any, *Blob, error) {
	t, err := decodeTarget(cmd.Payload)
	switch {
	case err != nil:
	case t.CID != "" && d.Version(t.CID) == nil:
		err = fmt.Errorf("%w: version %s", ErrMissing, t.CID)
	case d.link(t) >= 0:
		err = fmt.Errorf("%w: a link from %s", ErrDuplicate, t.Key())
	}
	return "document_linked", t, nil, err
}

func decideUnlink(d *Document, cmd message.Command) (string, any, *Blob, error) {
	t, err := decodeTarget(cmd.Payload)
	if err == nil && d.link(t) < 0 {
		err = fmt.Errorf("%w: no link from %s", ErrMissing, t.Key())
	}
	return "document_unlinked", t, nil, err
}

// decodeTarget reads and checks a link's target.
func decodeTarget(payload json.RawMessage) (Target, error) {
	var t Target
	if err := decode(payload, &t, true); err != nil {
		return t, err
	}
	if err := t.check(); err != nil {
		return t, err
	}
	if t.CID != "" {
		c, err := ParseCID(t.CID)
		if err != nil {
			return t, err
		}
		t.CID = c.String()
	}
	return t, nil
}

// link is the index of the link from t's target (pin aside), or -1.
func (d *Document) link(t Target) int {
	return slices.IndexFunc(d.Links, func(l Target) bool { return l.Key() == t.Key() })
}

// sentinel is the harness error a model refusal maps to.
func sentinel(err error) error {
	switch {
	case errors.Is(err, ErrMissing):
		return service.ErrNotFound
	case errors.Is(err, ErrDuplicate):
		return service.ErrConflict
	}
	return service.ErrInvalid
}

// decode reads a payload; strictly (commands), unknown fields are
// refused. Empty is {}.
func decode(payload json.RawMessage, into any, strict bool) error {
	if len(bytes.TrimSpace(payload)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%w: %w", ErrPayload, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value", ErrPayload)
	}
	return nil
}
