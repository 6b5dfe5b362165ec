package codec

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// xmlScanner is a small streaming XML tokenizer for GraphML. encoding/xml's
// Decoder.Token reads about 12 MB/s here, which makes a 100k-node file take
// two seconds; this reads the same file several times faster. It checks
// what GraphML readers need (tags nest and match, attributes are quoted,
// entities are known) and skips the prolog, comments, processing
// instructions and DOCTYPE; element names lose their namespace prefix.
type xmlScanner struct {
	r     *bufio.Reader
	line  int
	off   int64
	names map[string]string // interned element and attribute names
	open  []string
	buf   []byte
	// The current token.
	kind      xmlKind
	name      string
	attrs     []xmlAttr
	selfClose bool
	text      []byte
}

type xmlKind int

const (
	xmlStart xmlKind = iota + 1
	xmlEnd
	xmlText
)

type xmlAttr struct{ name, value string }

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10), line: 1, names: map[string]string{}}
}

func (s *xmlScanner) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: graphml line %d (offset %d): %s", ErrSyntax, s.line, s.off, fmt.Sprintf(format, args...))
}

func (s *xmlScanner) readByte() (byte, error) {
	c, err := s.r.ReadByte()
	if err == nil {
		s.off++
		if c == '\n' {
			s.line++
		}
	}
	return c, err
}

func (s *xmlScanner) unread() {
	_ = s.r.UnreadByte()
	s.off--
	if c, _ := s.r.Peek(1); len(c) == 1 && c[0] == '\n' {
		s.line--
	}
}

// attr returns the current start tag's attribute.
func (s *xmlScanner) attr(name string) (string, bool) {
	for _, a := range s.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// next reads the next token; io.EOF ends a well-formed document.
func (s *xmlScanner) next() error {
	if s.selfClose {
		s.selfClose, s.kind = false, xmlEnd
		return nil
	}
	c, err := s.readByte()
	if err == io.EOF {
		if len(s.open) > 0 {
			return s.errorf("unexpected end of file inside <%s>", s.open[len(s.open)-1])
		}
		return io.EOF
	}
	if err != nil {
		return err
	}
	if c != '<' {
		s.unread()
		return s.readText()
	}
	return s.markup()
}

func (s *xmlScanner) readText() error {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		s.count(chunk)
		if err == nil {
			s.buf = append(s.buf, chunk[:len(chunk)-1]...)
			s.unread()
			break
		}
		s.buf = append(s.buf, chunk...)
		if err == io.EOF {
			break
		}
		if err != bufio.ErrBufferFull {
			return err
		}
	}
	text, err := s.unescape(s.buf)
	s.kind, s.text = xmlText, text
	return err
}

func (s *xmlScanner) count(chunk []byte) {
	s.off += int64(len(chunk))
	s.line += bytes.Count(chunk, []byte{'\n'})
}

// markup reads what follows a '<'.
func (s *xmlScanner) markup() error {
	c, err := s.readByte()
	if err != nil {
		return s.errorf("unexpected end of file after '<'")
	}
	switch c {
	case '?':
		return s.skipPast("?>")
	case '!':
		return s.bang()
	case '/':
		return s.endTag()
	}
	s.unread()
	return s.startTag()
}

// bang handles <!-- -->, <![CDATA[ ]]> and <!DOCTYPE ...>.
func (s *xmlScanner) bang() error {
	head, _ := s.r.Peek(7)
	switch {
	case bytes.HasPrefix(head, []byte("--")):
		return s.skipPast("-->")
	case bytes.HasPrefix(head, []byte("[CDATA[")):
		s.r.Discard(7)
		s.off += 7
		if err := s.readUntil("]]>"); err != nil {
			return err
		}
		s.kind, s.text = xmlText, s.buf
		return nil
	}
	return s.skipDoctype()
}

// readUntil reads raw bytes into buf up to and past end.
func (s *xmlScanner) readUntil(end string) error {
	s.buf = s.buf[:0]
	for !bytes.HasSuffix(s.buf, []byte(end)) {
		c, err := s.readByte()
		if err != nil {
			return s.errorf("unexpected end of file, expected %q", end)
		}
		s.buf = append(s.buf, c)
	}
	s.buf = s.buf[:len(s.buf)-len(end)]
	return nil
}

func (s *xmlScanner) skipPast(end string) error {
	if err := s.readUntil(end); err != nil {
		return err
	}
	return s.next()
}

func (s *xmlScanner) skipDoctype() error {
	depth := 1
	for depth > 0 {
		c, err := s.readByte()
		if err != nil {
			return s.errorf("unexpected end of file in <!...>")
		}
		switch c {
		case '<':
			depth++
		case '>':
			depth--
		}
	}
	return s.next()
}
