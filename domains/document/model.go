package document

import (
	"errors"
	"fmt"
	"mime"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cimviz/cimviz/domains/subject"
)

// Sentinels of the document model; Decide wraps each in one of the
// harness's (service.ErrInvalid, ErrNotFound, ErrConflict).
var (
	ErrBadMetadata = errors.New("bad metadata")
	ErrBadBody     = errors.New("bad body")
	ErrBadTarget   = errors.New("bad link target")
	ErrDuplicate   = errors.New("already there")
	ErrMissing     = errors.New("not there")
)

// Limits of the model.
const (
	// InlineLimit is the largest body kept in its event; a larger one
	// goes to the object store.
	InlineLimit = 64 << 10
	maxTitle    = 200
	maxTag      = 64
	maxTags     = 32
	maxParents  = 16
	maxNote     = 1000
)

// Where a version's body is kept.
const (
	Inline = "inline"
	Object = "object"
)

// Document is one aggregate: metadata, versions in the order they were
// added, and the links to it.
type Document struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	MediaType string    `json:"media_type"`
	Tags      []string  `json:"tags,omitempty"`
	Author    string    `json:"author,omitempty"`
	Versions  []Version `json:"versions"`
	Links     []Target  `json:"links,omitempty"`
}

// Version is one version's facts; Text or Body holds an inline body.
type Version struct {
	CID     string    `json:"cid"`
	Parents []string  `json:"parents,omitempty"`
	Size    int       `json:"size"`
	Stored  string    `json:"stored"`
	Author  string    `json:"author,omitempty"`
	Note    string    `json:"note,omitempty"`
	Time    time.Time `json:"time,omitzero"`
	Text    string    `json:"text,omitempty"`
	Body    []byte    `json:"body,omitempty"`
}

// Target is what a link comes from: a graph's node (Graph, Node) or a
// workflow definition's step (Workflow, Step). CID, when set, pins a
// version; empty follows the latest.
type Target struct {
	Graph    string `json:"graph,omitempty"`
	Node     string `json:"node,omitempty"`
	Workflow string `json:"workflow,omitempty"`
	Step     string `json:"step,omitempty"`
	CID      string `json:"cid,omitempty"`
}

// Key is the target without its pin: "graph/G/N" or "workflow/W/S".
func (t Target) Key() string {
	if t.Graph != "" {
		return "graph/" + t.Graph + "/" + t.Node
	}
	return "workflow/" + t.Workflow + "/" + t.Step
}

// check validates a target's shape: exactly one of graph+node and
// workflow+step, each a subject-safe token.
func (t Target) check() error {
	graph, flow := t.Graph != "" || t.Node != "", t.Workflow != "" || t.Step != ""
	if graph == flow {
		return fmt.Errorf("%w: name a graph and node, or a workflow and step", ErrBadTarget)
	}
	pairs := [][2]string{{"graph", t.Graph}, {"node", t.Node}}
	if flow {
		pairs = [][2]string{{"workflow", t.Workflow}, {"step", t.Step}}
	}
	for _, p := range pairs {
		if err := checkToken(p[0], p[1]); err != nil {
			return fmt.Errorf("%w: %w", ErrBadTarget, err)
		}
	}
	return nil
}

// checkToken refuses an ID that is empty, long or not subject-safe.
func checkToken(what, s string) error {
	if len(s) > maxTitle {
		return fmt.Errorf("%s is longer than %d bytes", what, maxTitle)
	}
	return subject.ValidateToken(what, s)
}

// Latest is the version added last (nil when none).
func (d *Document) Latest() *Version {
	if len(d.Versions) == 0 {
		return nil
	}
	return &d.Versions[len(d.Versions)-1]
}

// Version is the version with CID c (nil when none).
func (d *Document) Version(c string) *Version {
	i := slices.IndexFunc(d.Versions, func(v Version) bool { return v.CID == c })
	if i < 0 {
		return nil
	}
	return &d.Versions[i]
}

// Heads are the CIDs of the versions no other version names as parent,
// in the order they were added.
func (d *Document) Heads() []string {
	parent := map[string]bool{}
	for _, v := range d.Versions {
		for _, p := range v.Parents {
			parent[p] = true
		}
	}
	var out []string
	for _, v := range d.Versions {
		if !parent[v.CID] {
			out = append(out, v.CID)
		}
	}
	return out
}

// clone copies the document so that a change to the copy leaves it
// alone (version bodies are never changed, so they are shared).
func (d *Document) clone() *Document {
	c := *d
	c.Tags, c.Versions, c.Links = slices.Clone(d.Tags), slices.Clone(d.Versions), slices.Clone(d.Links)
	return &c
}

// Metadata is a document's title, media type and tags.
type Metadata struct {
	Title     string   `json:"title"`
	MediaType string   `json:"media_type"`
	Tags      []string `json:"tags,omitempty"`
}

// normal fills the default media type and checks the metadata.
func (m Metadata) normal() (Metadata, error) {
	if m.MediaType == "" {
		m.MediaType = "text/plain"
	}
	if err := checkText("title", m.Title, maxTitle); err != nil || m.Title == "" {
		return m, fmt.Errorf("%w: a document needs a title of up to %d bytes: %v", ErrBadMetadata, maxTitle, err)
	}
	if mt, _, err := mime.ParseMediaType(m.MediaType); err != nil || !strings.Contains(mt, "/") || len(m.MediaType) > maxTitle {
		return m, fmt.Errorf("%w: media type %q, want type/subtype such as text/markdown", ErrBadMetadata, m.MediaType)
	}
	return m, checkTags(m.Tags)
}

func checkTags(tags []string) error {
	if len(tags) > maxTags {
		return fmt.Errorf("%w: %d tags, at most %d", ErrBadMetadata, len(tags), maxTags)
	}
	for i, t := range tags {
		if err := checkText("tag", t, maxTag); err != nil || t == "" {
			return fmt.Errorf("%w: tag %q: want 1 to %d bytes of text: %v", ErrBadMetadata, t, maxTag, err)
		}
		if slices.Contains(tags[:i], t) {
			return fmt.Errorf("%w: tag %q twice", ErrBadMetadata, t)
		}
	}
	return nil
}

// checkText refuses text that is too long, not UTF-8, has control
// characters or space at an end.
func checkText(what, s string, limit int) error {
	switch {
	case len(s) > limit:
		return fmt.Errorf("%s is longer than %d bytes", what, limit)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s is not UTF-8", what)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%s %q has space at an end", what, s)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%s holds a control character", what)
	}
	return nil
}
