package document

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Spec is the document domain on the harness: blobs (nil: bodies over
// InlineLimit are refused) keeps the large bodies, cat (nil: no views) is
// the read model behind the documents and links views.
func Spec(blobs Blobs, cat *Catalog) service.Domain[*Document] {
	d := service.Domain[*Document]{
		Name:        DomainName,
		Version:     "1.0.0",
		Description: "content-addressed documents (CID over the bytes), versions as a DAG, metadata, links from graph nodes and workflow steps",
		New:         func() *Document { return &Document{} },
		Decide:      Decider{Blobs: blobs}.Decide,
		Apply:       Apply,
		Commands: map[string]service.CommandSpec{
			"create_document": {Creates: true, Description: "create a document: {title, media_type?, tags?, text | body (base64)}"},
			"add_version":     {Description: "add a version: {parents?: [cid], text | body, note?}; no parents: the latest"},
			"set_metadata":    {Description: "change metadata: {title?, media_type?, tags?}"},
			"link":            {Description: "link from a graph node or workflow step: {graph, node | workflow, step, cid?}"},
			"unlink":          {Description: "remove a link: {graph, node | workflow, step}"},
		},
		Queries: queries(blobs),
	}
	if cat != nil {
		d.Views = cat.views()
	}
	return d
}

// Decider is the rule book with the one piece of I/O a decision needs:
// putting a large body in the object store before its event is appended.
// A body put for a command that is then refused (a conflict) stays
// there: it is addressed by its bytes, so it harms nothing.
type Decider struct{ Blobs Blobs }

// Decide is [Plan] with the decision's bodies stored.
func (d Decider) Decide(doc *Document, cmd message.Command) ([]service.Draft, error) {
	dec, err := Plan(doc, cmd)
	if err != nil {
		return nil, err
	}
	if len(dec.Blobs) > 0 && d.Blobs == nil {
		return nil, fmt.Errorf("%w: %s: a body over %d bytes needs the object store, and this service has none", service.ErrInvalid, cmd.Type, InlineLimit)
	}
	for _, b := range dec.Blobs {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := d.Blobs.Put(ctx, b.CID, b.Body)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", service.ErrInternal, cmd.Type, err)
		}
	}
	return dec.Drafts, nil
}

// Servable is the document domain for `cimviz serve` (DomainName
// "document"): starting it opens the object store [Bucket] and follows
// the store with a [Catalog].
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "document".
func (Servable) DomainName() string { return DomainName }

// Start serves the document domain on nc over store. Commands may be as
// large as the server's max_payload allows (bodies over InlineLimit go to
// the object store, not the stream).
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	blobs, err := OpenBlobs(ctx, nc)
	if err != nil {
		return nil, err
	}
	cat, err := FollowCatalog(context.Background(), store)
	if err != nil {
		return nil, err
	}
	opts = append(opts, service.WithMaxPayload(MaxCommand(nc)))
	svc, err := Spec(blobs, cat).Start(nc, store, opts...)
	if err != nil {
		cat.Stop()
		return nil, err
	}
	return svc, nil
}

// MaxCommand is the largest command payload the service takes on nc:
// the server's max_payload less room for headers.
func MaxCommand(nc *nats.Conn) int {
	return max(int(nc.MaxPayload())-8<<10, service.DefaultMaxPayload)
}
