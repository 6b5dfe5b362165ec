package codec

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// mermaidParser reads a flowchart statement by statement.
type mermaidParser struct {
	b     *builder
	stack []string // open subgraphs' graph IDs, innermost last
	line  int
}

// mermaidSkipped are statements that only style or script the drawing.
var mermaidSkipped = map[string]bool{"classDef": true, "class": true, "style": true, "linkStyle": true,
	"click": true, "direction": true, "accTitle": true, "accDescr": true}

// DecodeMermaid reads a Mermaid flowchart (`flowchart TD`, `graph LR`, ...).
func DecodeMermaid(r io.Reader) (*Document, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseMermaid(string(src), 1, "flowchart")
}

// parseMermaid parses src, whose first line is line first of its file.
func parseMermaid(src string, first int, rootID string) (*Document, error) {
	p := &mermaidParser{line: first - 1}
	lines := strings.Split(src, "\n")
	title, lines := frontMatter(lines, &p.line)
	for _, raw := range lines {
		p.line++
		if err := p.parseLine(raw, rootID, title); err != nil {
			return nil, err
		}
	}
	if p.b == nil {
		return nil, fmt.Errorf("%w: mermaid: no flowchart header", ErrSyntax)
	}
	if len(p.stack) > 0 {
		return nil, p.errorf("subgraph %q is not closed with 'end'", p.b.byID[p.stack[len(p.stack)-1]].proxy)
	}
	return p.b.build()
}

// frontMatter drops a leading `---` YAML block and returns its title.
func frontMatter(lines []string, line *int) (string, []string) {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return "", lines
	}
	title := ""
	for i := 1; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "---" {
			*line += i + 1
			return title, lines[i+1:]
		}
		if t, ok := strings.CutPrefix(l, "title:"); ok {
			title = yamlString(strings.TrimSpace(t))
		}
	}
	return "", lines
}

// yamlString reads a scalar written plain, 'single' or "double" quoted.
func yamlString(s string) string {
	if u, err := strconv.Unquote(s); err == nil && strings.HasPrefix(s, `"`) {
		return u
	}
	return strings.Trim(s, `'`)
}

func (p *mermaidParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: mermaid line %d: %s", ErrSyntax, p.line, fmt.Sprintf(format, args...))
}

func (p *mermaidParser) parseLine(raw, rootID, title string) error {
	line := strings.TrimSpace(raw)
	if line == "" || strings.HasPrefix(line, "%%") {
		return nil
	}
	if p.b == nil {
		return p.header(line, rootID, title)
	}
	for _, st := range splitStatements(line) {
		if err := p.statement(strings.TrimSpace(st)); err != nil {
			return err
		}
	}
	return nil
}

func (p *mermaidParser) header(line, rootID, title string) error {
	word, dir, _ := strings.Cut(strings.TrimSuffix(line, ";"), " ")
	if word != "flowchart" && word != "graph" && word != "flowchart-elk" {
		return fmt.Errorf("%w: mermaid line %d: diagram type %q (only flowcharts)", ErrUnsupported, p.line, word)
	}
	p.b = newBuilder(rootID, title)
	if dir = strings.ToUpper(strings.TrimSpace(dir)); mermaidDirections[dir] {
		p.b.setAttr("rankdir", dir)
	}
	return nil
}

func (p *mermaidParser) statement(st string) error {
	word, rest, _ := strings.Cut(st, " ")
	switch {
	case st == "":
		return nil
	case word == "subgraph":
		return p.openSubgraph(strings.TrimSpace(rest))
	case st == "end":
		if len(p.stack) == 0 {
			return p.errorf("'end' without a subgraph")
		}
		p.stack = p.stack[:len(p.stack)-1]
		return nil
	case mermaidSkipped[word], strings.HasPrefix(word, "accTitle:"), strings.HasPrefix(word, "accDescr"):
		return nil
	}
	return p.chain(st)
}

// current is the graph new nodes go into.
func (p *mermaidParser) current() string {
	if len(p.stack) == 0 {
		return p.b.root
	}
	return p.stack[len(p.stack)-1]
}

// openSubgraph parses `id`, `id [title]`, `id["title"]`, `"title"` or
// `title with spaces` after the keyword.
func (p *mermaidParser) openSubgraph(rest string) error {
	c := &mermaidCursor{s: rest}
	id := c.ident()
	title := ""
	switch {
	case id == "":
		title = strings.Trim(rest, `"`)
		id = title
	case c.atEnd():
	default:
		c.space()
		if c.peek() != '[' {
			id, title = rest, rest
			break
		}
		c.i++
		t, _, ok := c.textUntil("]")
		if !ok {
			return p.errorf("subgraph title is not closed with ']'")
		}
		title = t
	}
	if id == "" {
		return p.errorf("subgraph without a name")
	}
	p.mention(id)
	n := p.b.node(id)
	n.Label, n.Kind = title, "subgraph"
	p.stack = append(p.stack, p.b.group(id, id, title))
	return nil
}

// mention puts a node into the current subgraph when it is new or sits in
// an enclosing graph; group nodes never move into their own group.
func (p *mermaidParser) mention(id string) {
	cur := p.current()
	if !p.b.has(id) {
		p.b.place(id, cur)
		return
	}
	if ref := p.b.node(id).Ref; ref != "" && p.b.isWithin(cur, ref) {
		return
	}
	if home := p.b.home(id); home != cur && p.b.isWithin(cur, home) {
		p.b.place(id, cur)
	}
}

// splitStatements splits a line on ';' outside quotes and brackets.
func splitStatements(line string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[' || c == '(' || c == '{':
			depth++
		case (c == ']' || c == ')' || c == '}') && depth > 0:
			depth--
		case c == ';' && depth == 0:
			out = append(out, line[start:i])
			start = i + 1
		}
	}
	return append(out, line[start:])
}
