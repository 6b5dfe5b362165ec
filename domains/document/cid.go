package document

import (
	"errors"
	"fmt"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
)

// ErrCorrupt marks a body whose bytes do not hash to the CID it is
// stored under.
var ErrCorrupt = errors.New("body does not match its CID")

// ErrBadCID marks a string that is not a CID.
var ErrBadCID = errors.New("bad CID")

// Sum is the CID of a body: CIDv1, raw codec, sha2-256.
func Sum(body []byte) cid.Cid {
	mh, _ := multihash.Sum(body, multihash.SHA2_256, -1) // sha2-256 is always registered: cannot fail
	return cid.NewCidV1(cid.Raw, mh)
}

// ParseCID reads a CID's string form.
func ParseCID(s string) (cid.Cid, error) {
	c, err := cid.Decode(s)
	if err != nil {
		return cid.Undef, fmt.Errorf("%w: %q: %w", ErrBadCID, s, err)
	}
	return c, nil
}

// Verify checks that body hashes to c, with c's own hash function (a CID
// made elsewhere with another multihash is verified too).
func Verify(c cid.Cid, body []byte) error {
	got, err := c.Prefix().Sum(body)
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrCorrupt, c, err)
	}
	if !got.Equals(c) {
		return fmt.Errorf("%w: want %s, the bytes hash to %s", ErrCorrupt, c, got)
	}
	return nil
}
