package service

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/google/uuid"
)

// MaxEventsPerCommand bounds one decision's output; the event index must
// fit in the 12 bits EventID gives it.
const MaxEventsPerCommand = 1 << 12

// EventID is the message ID of the index-th event a command produced. It is
// a function of the command's message ID, so a retried command yields the
// same IDs and the store's de-duplication (Nats-Msg-Id) drops the retry.
//
// Layout: bytes 0-8 and the high nibble of byte 9 are the command ID's
// (for a UUIDv7 that is its millisecond time, version, variant and the
// monotonic counter, so event IDs sort like the commands that caused
// them); then 12 bits of index, so a command's events sort in order; then
// 40 bits of SHA-256(command ID, index).
func EventID(command uuid.UUID, index int) uuid.UUID {
	var in [18]byte
	copy(in[:16], command[:])
	binary.BigEndian.PutUint16(in[16:], uint16(index))
	sum := sha256.Sum256(in[:])
	id := command
	id[9] = command[9]&0xf0 | byte(index>>8)&0x0f
	id[10] = byte(index)
	copy(id[11:], sum[:5])
	return id
}
