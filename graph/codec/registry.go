package codec

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format names a file format.
type Format string

// The formats this package reads and writes.
const (
	FormatJSON      Format = "json"
	FormatDOT       Format = "dot"
	FormatGraphML   Format = "graphml"
	FormatMermaid   Format = "mermaid"
	FormatMarkdown  Format = "markdown"
	FormatCytoscape Format = "cytoscape"
)

// extensions maps file name endings to formats; longer endings come first so
// that ".cy.json" wins over ".json".
var extensions = []struct {
	ext    string
	format Format
}{
	{".cimviz.json", FormatJSON}, {".cy.json", FormatCytoscape}, {".cyjs", FormatCytoscape},
	{".json", FormatJSON}, {".dot", FormatDOT}, {".gv", FormatDOT}, {".graphml", FormatGraphML},
	{".mmd", FormatMermaid}, {".mermaid", FormatMermaid}, {".md", FormatMarkdown}, {".markdown", FormatMarkdown},
}

type codecFuncs struct {
	decode func(io.Reader, options) (*Document, error)
	encode func(io.Writer, *Document) error
}

var codecs = map[Format]codecFuncs{
	FormatJSON:      {func(r io.Reader, _ options) (*Document, error) { return DecodeJSON(r) }, EncodeJSON},
	FormatDOT:       {func(r io.Reader, _ options) (*Document, error) { return DecodeDOT(r) }, EncodeDOT},
	FormatGraphML:   {func(r io.Reader, _ options) (*Document, error) { return DecodeGraphML(r) }, EncodeGraphML},
	FormatMermaid:   {func(r io.Reader, _ options) (*Document, error) { return DecodeMermaid(r) }, EncodeMermaid},
	FormatMarkdown:  {decodeMarkdown, EncodeMarkdown},
	FormatCytoscape: {func(r io.Reader, _ options) (*Document, error) { return DecodeCytoscape(r) }, EncodeCytoscape},
}

// Option tunes decoding.
type Option func(*options)

type options struct {
	allBlocks bool
}

// AllBlocks makes the Markdown decoder read every ```mermaid flowchart as a
// separate graph of the document instead of only the first.
func AllBlocks() Option { return func(o *options) { o.allBlocks = true } }

// FormatFor picks the format from a file name's extension.
func FormatFor(path string) (Format, error) {
	name := strings.ToLower(filepath.Base(path))
	for _, e := range extensions {
		if strings.HasSuffix(name, e.ext) {
			return e.format, nil
		}
	}
	return "", fmt.Errorf("%w: file extension of %q (known: %s)", ErrUnsupported, path, knownExtensions())
}

func knownExtensions() string {
	exts := make([]string, len(extensions))
	for i, e := range extensions {
		exts[i] = e.ext
	}
	return strings.Join(exts, " ")
}

// Decode reads a document in format f.
func Decode(r io.Reader, f Format, opts ...Option) (*Document, error) {
	c, ok := codecs[f]
	if !ok {
		return nil, fmt.Errorf("%w: format %q", ErrUnsupported, f)
	}
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return c.decode(r, o)
}

// Encode writes d in format f.
func Encode(w io.Writer, d *Document, f Format) error {
	c, ok := codecs[f]
	if !ok {
		return fmt.Errorf("%w: format %q", ErrUnsupported, f)
	}
	return c.encode(w, d)
}
