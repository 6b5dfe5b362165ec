package document

import (
	"context"
	"errors"
	"fmt"

	"github.com/ipfs/go-cid"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Bucket is the JetStream object store that holds the bodies over
// [InlineLimit], each under its CID's string form.
const Bucket = "CIM_DOCUMENTS"

// MaxBlob bounds a body read back from the object store.
const MaxBlob = 64 << 20

// Blobs keeps bodies by CID.
type Blobs interface {
	// Put stores body under c (c is Sum(body)); putting one that is
	// there already does nothing.
	Put(ctx context.Context, c cid.Cid, body []byte) error
	// Get returns c's body, checked against c ([ErrCorrupt]), or an
	// error wrapping [ErrMissing].
	Get(ctx context.Context, c cid.Cid) ([]byte, error)
}

// ObjectBlobs are bodies in the JetStream object store [Bucket].
type ObjectBlobs struct{ store jetstream.ObjectStore }

var _ Blobs = (*ObjectBlobs)(nil)

// OpenBlobs opens the bucket on nc's JetStream, creating it when it is
// not there (an existing bucket keeps its configuration, replicas
// included).
func OpenBlobs(ctx context.Context, nc *nats.Conn) (*ObjectBlobs, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("document bodies: %w", err)
	}
	store, err := js.ObjectStore(ctx, Bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		store, err = js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: Bucket,
			Description: "cimviz document bodies over 64 KiB, by CID", Storage: jetstream.FileStorage})
		if errors.Is(err, jetstream.ErrBucketExists) { // made by another service a moment ago
			store, err = js.ObjectStore(ctx, Bucket)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("document bodies: object store %s: %w", Bucket, err)
	}
	return &ObjectBlobs{store: store}, nil
}

// Put implements [Blobs.Put].
func (b *ObjectBlobs) Put(ctx context.Context, c cid.Cid, body []byte) error {
	info, err := b.store.GetInfo(ctx, c.String())
	if err == nil && !info.Deleted && info.Size == uint64(len(body)) {
		return nil // content-addressed: the same name holds the same bytes
	}
	if _, err := b.store.PutBytes(ctx, c.String(), body); err != nil {
		return fmt.Errorf("storing body %s: %w", c, err)
	}
	return nil
}

// Get implements [Blobs.Get].
func (b *ObjectBlobs) Get(ctx context.Context, c cid.Cid) ([]byte, error) {
	info, err := b.store.GetInfo(ctx, c.String())
	switch {
	case errors.Is(err, jetstream.ErrObjectNotFound):
		return nil, fmt.Errorf("%w: body %s in %s", ErrMissing, c, Bucket)
	case err != nil:
		return nil, fmt.Errorf("reading body %s: %w", c, err)
	case info.Size > MaxBlob:
		return nil, fmt.Errorf("%w: body %s is %d bytes, over the %d byte limit", ErrCorrupt, c, info.Size, MaxBlob)
	}
	body, err := b.store.GetBytes(ctx, c.String())
	if err != nil {
		return nil, fmt.Errorf("reading body %s: %w", c, err)
	}
	if err := Verify(c, body); err != nil {
		return nil, err
	}
	return body, nil
}

// Store is the object store itself (for tests and tools).
func (b *ObjectBlobs) Store() jetstream.ObjectStore { return b.store }
