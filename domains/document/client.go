package document

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/service"
)

// Read asks the document service for document id at version c (latest
// when empty) and returns the answer with its body: from the answer, or
// from the object store when the answer left it out. The body is checked
// against the version's CID either way ([ErrCorrupt]).
func Read(ctx context.Context, nc *nats.Conn, id, c string) (GetAnswer, []byte, error) {
	var a GetAnswer
	if err := service.NewClient(nc, DomainName).Query(ctx, "get", id, GetArgs{CID: c}, &a); err != nil {
		return a, nil, fmt.Errorf("document %s: %w", id, err)
	}
	sum, err := ParseCID(a.Version.CID)
	if err != nil {
		return a, nil, err
	}
	if !a.ContentOmitted {
		body := a.Content()
		return a, body, Verify(sum, body)
	}
	blobs, err := OpenBlobs(ctx, nc)
	if err != nil {
		return a, nil, err
	}
	body, err := blobs.Get(ctx, sum)
	return a, body, err
}
