package codec

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// The tag-level half of xmlScanner: names, start and end tags, attributes
// and references.

func isNameByte(c byte) bool {
	return c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80 ||
		('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// readName reads a (possibly prefixed) name and returns its local part,
// straight from the read buffer when the name lies in it.
func (s *xmlScanner) readName() (string, error) {
	peek, _ := s.r.Peek(s.r.Buffered())
	for i, c := range peek {
		if !isNameByte(c) {
			if i == 0 {
				break
			}
			name := s.intern(peek[:i])
			s.r.Discard(i)
			s.off += int64(i)
			return name, nil
		}
	}
	return s.readNameSlow()
}

func (s *xmlScanner) readNameSlow() (string, error) {
	s.buf = s.buf[:0]
	for {
		c, err := s.readByte()
		if err != nil {
			return "", s.errorf("unexpected end of file in a name")
		}
		if !isNameByte(c) {
			s.unread()
			break
		}
		s.buf = append(s.buf, c)
	}
	if len(s.buf) == 0 {
		return "", s.errorf("expected a name")
	}
	return s.intern(s.buf), nil
}

// intern returns the local part of a name as a string shared by every
// occurrence.
func (s *xmlScanner) intern(name []byte) string {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 && i+1 < len(name) {
		name = name[i+1:]
	}
	if n, ok := s.names[string(name)]; ok {
		return n
	}
	n := string(name)
	s.names[n] = n
	return n
}

func (s *xmlScanner) skipSpace() (byte, error) {
	for {
		c, err := s.readByte()
		if err != nil {
			return 0, s.errorf("unexpected end of file in a tag")
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
	}
}

func (s *xmlScanner) endTag() error {
	name, err := s.readName()
	if err != nil {
		return err
	}
	if c, err := s.skipSpace(); err != nil || c != '>' {
		return s.errorf("expected '>' after </%s", name)
	}
	if len(s.open) == 0 || s.open[len(s.open)-1] != name {
		return s.errorf("element </%s> closes nothing open", name)
	}
	s.open = s.open[:len(s.open)-1]
	s.kind, s.name = xmlEnd, name
	return nil
}

func (s *xmlScanner) startTag() error {
	name, err := s.readName()
	if err != nil {
		return err
	}
	s.kind, s.name, s.attrs = xmlStart, name, s.attrs[:0]
	for {
		c, err := s.skipSpace()
		if err != nil {
			return err
		}
		switch c {
		case '>':
			s.open = append(s.open, name)
			return nil
		case '/':
			if c, err := s.readByte(); err != nil || c != '>' {
				return s.errorf("expected '>' after '/' in <%s", name)
			}
			s.selfClose = true
			return nil
		}
		s.unread()
		if err := s.readAttr(name); err != nil {
			return err
		}
	}
}

func (s *xmlScanner) readAttr(elem string) error {
	key, err := s.readName()
	if err != nil {
		return s.errorf("bad attribute in <%s>", elem)
	}
	if c, err := s.skipSpace(); err != nil || c != '=' {
		return s.errorf("attribute %s of <%s> has no value", key, elem)
	}
	quote, err := s.skipSpace()
	if err != nil || (quote != '"' && quote != '\'') {
		return s.errorf("attribute %s of <%s> is not quoted", key, elem)
	}
	raw, err := s.r.ReadSlice(quote)
	s.count(raw)
	if err != nil {
		return s.errorf("attribute %s of <%s> is not closed", key, elem)
	}
	val, err := s.unescape(raw[:len(raw)-1])
	s.attrs = append(s.attrs, xmlAttr{key, string(val)})
	return err
}

var xmlEntities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// unescape decodes entity and character references; it returns b itself
// when there are none.
func (s *xmlScanner) unescape(b []byte) ([]byte, error) {
	if bytes.IndexByte(b, '&') < 0 {
		return b, nil
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		amp := bytes.IndexByte(b, '&')
		if amp < 0 {
			return append(out, b...), nil
		}
		out = append(out, b[:amp]...)
		semi := bytes.IndexByte(b[amp:], ';')
		if semi < 0 {
			return nil, s.errorf("unterminated entity reference")
		}
		ref, err := s.entity(string(b[amp+1 : amp+semi]))
		if err != nil {
			return nil, err
		}
		out = append(out, ref...)
		b = b[amp+semi+1:]
	}
	return out, nil
}

func (s *xmlScanner) entity(name string) (string, error) {
	if v, ok := xmlEntities[name]; ok {
		return v, nil
	}
	var n uint64
	var err error
	switch {
	case len(name) > 2 && (name[:2] == "#x" || name[:2] == "#X"):
		n, err = strconv.ParseUint(name[2:], 16, 32)
	case len(name) > 1 && name[0] == '#':
		n, err = strconv.ParseUint(name[1:], 10, 32)
	default:
		return "", s.errorf("unknown entity &%s;", name)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "", s.errorf("bad character reference &%s;", name)
	}
	return string(rune(n)), nil
}
