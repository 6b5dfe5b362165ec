package codec

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// mermaidBlock is a ```mermaid fenced block and the line its body starts on.
type mermaidBlock struct {
	body string
	line int
}

// mermaidBlocks extracts the ```mermaid (or ~~~mermaid) fenced blocks.
func mermaidBlocks(md string) []mermaidBlock {
	var blocks []mermaidBlock
	var cur *mermaidBlock
	fence := ""
	for i, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case cur == nil && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			if info := strings.TrimSpace(strings.TrimLeft(t, "`~")); strings.HasPrefix(info, "mermaid") {
				fence, cur = t[:3], &mermaidBlock{line: i + 2}
			}
		case cur != nil && strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.body += line + "\n"
		}
	}
	return blocks
}

// DecodeMarkdown reads the first Mermaid flowchart of a Markdown page (with
// AllBlocks, every flowchart, each as its own graph).
func DecodeMarkdown(r io.Reader, opts ...Option) (*Document, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return decodeMarkdown(r, o)
}

func decodeMarkdown(r io.Reader, o options) (*Document, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var docs []*Document
	for _, b := range mermaidBlocks(string(src)) {
		d, err := parseMermaid(b.body, b.line, "flowchart"+strconv.Itoa(len(docs)+1))
		if errors.Is(err, ErrUnsupported) {
			continue // a sequence diagram or the like
		}
		if err != nil {
			return nil, err
		}
		if docs = append(docs, d); !o.allBlocks {
			break
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%w: markdown: no ```mermaid flowchart block", ErrUnsupported)
	}
	return mergeDocuments(docs), nil
}

// mergeDocuments puts several documents' graphs into one whose root is the
// first's, renaming graphs whose IDs clash.
func mergeDocuments(docs []*Document) *Document {
	out := &Document{Root: docs[0].Root}
	used := map[string]bool{}
	for _, d := range docs {
		rename := map[string]string{}
		for _, g := range d.Graphs {
			rename[g.ID] = uniqueID(used, g.ID)
		}
		for _, g := range d.Graphs {
			g.ID = rename[g.ID]
			for i := range g.Nodes {
				if r := g.Nodes[i].Ref; r != "" {
					g.Nodes[i].Ref = rename[r]
				}
			}
			out.Graphs = append(out.Graphs, g)
		}
	}
	return out
}

// EncodeMarkdown writes the document as a Markdown page holding one
// ```mermaid block.
func EncodeMarkdown(w io.Writer, d *Document) error {
	var b strings.Builder
	if err := EncodeMermaid(&b, d); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "```mermaid\n%s```\n", b.String())
	return err
}
