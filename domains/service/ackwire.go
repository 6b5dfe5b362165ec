package service

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/google/uuid"
)

// An ack is encoded and decoded on every command, so it has a codec of its
// own: appendJSON writes exactly what json.Marshal writes for an Ack, and
// parseAck reads that form without reflection. Any other JSON (another
// field order, escapes, spaces) goes to encoding/json; the two decoders
// agree on every input the fast one accepts (FuzzParseAck).

// appendJSON appends a's JSON to b, byte for byte what json.Marshal gives.
func (a Ack) appendJSON(b []byte) []byte {
	if !plainJSONString(a.AggregateID) {
		out, _ := json.Marshal(a) // an Ack always marshals
		return append(b, out...)
	}
	b = append(b, `{"aggregate_id":"`...)
	b = append(b, a.AggregateID...)
	b = append(b, `","version":`...)
	b = strconv.AppendUint(b, a.Version, 10)
	b = append(b, `,"event_ids":`...)
	b = appendIDs(b, a.EventIDs)
	b = append(b, `,"sequence":`...)
	b = strconv.AppendUint(b, a.Sequence, 10)
	if a.Duplicate {
		b = append(b, `,"duplicate":true`...)
	}
	return append(b, '}')
}

func appendIDs(b []byte, ids []uuid.UUID) []byte {
	if ids == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, id.String()...)
		b = append(b, '"')
	}
	return append(b, ']')
}

// plainJSONString: s is written by json.Marshal as itself between quotes
// (printable ASCII without quote, backslash or the HTML-escaped <, >, &).
func plainJSONString(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// decodeAckBody reads an ack body: the fast path for the harness's own
// form, encoding/json for anything else.
func decodeAckBody(data []byte) (Ack, error) {
	if a, ok := parseAck(data); ok {
		return a, nil
	}
	var a Ack
	err := json.Unmarshal(data, &a)
	return a, err
}

// ackParser walks an ack body in the exact form appendJSON writes.
type ackParser struct {
	rest []byte
	ok   bool
}

func (p *ackParser) lit(s string) {
	if p.ok && bytes.HasPrefix(p.rest, []byte(s)) {
		p.rest = p.rest[len(s):]
		return
	}
	p.ok = false
}

// str reads a string up to its closing quote; one with an escape is not
// plain and is left to encoding/json.
func (p *ackParser) str() string {
	i := bytes.IndexByte(p.rest, '"')
	if !p.ok || i < 0 || !plainJSONString(string(p.rest[:i])) {
		p.ok = false
		return ""
	}
	s := string(p.rest[:i])
	p.rest = p.rest[i+1:]
	return s
}

func (p *ackParser) uint() uint64 {
	n := 0
	for n < len(p.rest) && p.rest[n] >= '0' && p.rest[n] <= '9' {
		n++
	}
	if !p.ok || n == 0 || (n > 1 && p.rest[0] == '0') {
		p.ok = false
		return 0
	}
	v, err := strconv.ParseUint(string(p.rest[:n]), 10, 64)
	p.ok = err == nil
	p.rest = p.rest[n:]
	return v
}

func (p *ackParser) ids() []uuid.UUID {
	if !p.ok || bytes.HasPrefix(p.rest, []byte("null")) {
		p.lit("null")
		return nil
	}
	p.lit("[")
	ids := []uuid.UUID{}
	for p.ok && !bytes.HasPrefix(p.rest, []byte("]")) {
		if len(ids) > 0 {
			p.lit(",")
		}
		p.lit(`"`)
		id, err := uuid.ParseBytes(p.idText())
		p.ok = p.ok && err == nil
		ids = append(ids, id)
	}
	p.lit("]")
	return ids
}

// idText is a canonical 36-character UUID followed by its closing quote.
func (p *ackParser) idText() []byte {
	if !p.ok || len(p.rest) < 37 || p.rest[36] != '"' {
		p.ok = false
		return nil
	}
	t := p.rest[:36]
	p.rest = p.rest[37:]
	return t
}

// parseAck reads data in appendJSON's form; ok is false for anything else.
func parseAck(data []byte) (Ack, bool) {
	p := ackParser{rest: data, ok: true}
	var a Ack
	p.lit(`{"aggregate_id":"`)
	a.AggregateID = p.str()
	p.lit(`,"version":`)
	a.Version = p.uint()
	p.lit(`,"event_ids":`)
	a.EventIDs = p.ids()
	p.lit(`,"sequence":`)
	a.Sequence = p.uint()
	if bytes.HasPrefix(p.rest, []byte(`,"duplicate":true`)) {
		p.lit(`,"duplicate":true`)
		a.Duplicate = true
	}
	p.lit("}")
	return a, p.ok && len(p.rest) == 0
}
