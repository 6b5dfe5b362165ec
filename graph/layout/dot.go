package layout

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

// ErrSyntax is wrapped by [ParsePlain]'s errors on malformed input.
var ErrSyntax = errors.New("dot plain syntax")

// DotInput writes g in Graphviz's DOT language, top-down, nodes as small
// fixed-size boxes, in node and edge order, ready for `dot -Tplain`.
func DotInput(g *graph.Graph) []byte {
	var b bytes.Buffer
	b.WriteString("digraph G {\n  rankdir=TB;\n  node [shape=box, width=0.6, height=0.3, fixedsize=true, label=\"\"];\n")
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  %s;\n", strconv.Quote(n.ID))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s;\n", strconv.Quote(e.From), strconv.Quote(e.To))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// plainGraph is what ParsePlain reads from `dot -Tplain`.
type plainGraph struct {
	nodes map[string]graph.Point
	edges []plainEdge
}

type plainEdge struct {
	tail, head string
	spline     []graph.Point
}

// ParsePlain reads the output of `dot -Tplain` for a top-down layout and
// returns its edges as [Route]s: nodes sharing a y coordinate form a
// layer, and an edge passes each layer between its ends where its spline
// crosses that layer's y. Edges within one layer are left out.
func ParsePlain(data []byte) ([]Route, error) {
	pg, err := readPlain(data)
	if err != nil {
		return nil, err
	}
	return pg.routes(), nil
}

func readPlain(data []byte) (*plainGraph, error) {
	pg := &plainGraph{nodes: map[string]graph.Point{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		f, err := fields(sc.Text())
		if err == nil {
			err = pg.add(f)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSyntax, err)
	}
	return pg, nil
}

func (pg *plainGraph) add(f []string) error {
	if len(f) == 0 {
		return nil
	}
	switch f[0] {
	case "node":
		p, err := floats(f, 2, 2)
		if err != nil {
			return err
		}
		pg.nodes[f[1]] = graph.Point{X: p[0], Y: p[1]}
	case "edge":
		return pg.addEdge(f)
	}
	return nil
}

func (pg *plainGraph) addEdge(f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("%w: short edge line", ErrSyntax)
	}
	n, err := strconv.Atoi(f[3])
	if err != nil || n < 1 || n > (len(f)-4)/2 {
		return fmt.Errorf("%w: edge point count %q", ErrSyntax, f[3])
	}
	p, err := floats(f, 4, 2*n)
	if err != nil {
		return err
	}
	e := plainEdge{tail: f[1], head: f[2]}
	for i := 0; i < len(p); i += 2 {
		e.spline = append(e.spline, graph.Point{X: p[i], Y: p[i+1]})
	}
	pg.edges = append(pg.edges, e)
	return nil
}

func floats(f []string, from, n int) ([]float64, error) {
	if len(f) < from+n {
		return nil, fmt.Errorf("%w: %s line too short", ErrSyntax, f[0])
	}
	out := make([]float64, n)
	for i := range out {
		v, err := strconv.ParseFloat(f[from+i], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: number %q", ErrSyntax, f[from+i])
		}
		out[i] = v
	}
	return out, nil
}

// fields splits a plain-format line on blanks; a double-quoted field may
// hold blanks and backslash escapes.
func fields(line string) ([]string, error) {
	var out []string
	for line = strings.TrimLeft(line, " \t"); line != ""; line = strings.TrimLeft(line, " \t") {
		if line[0] != '"' {
			end := strings.IndexAny(line, " \t")
			if end < 0 {
				end = len(line)
			}
			out, line = append(out, line[:end]), line[end:]
			continue
		}
		q, err := strconv.QuotedPrefix(line)
		if err != nil {
			return nil, fmt.Errorf("%w: unterminated quote", ErrSyntax)
		}
		s, _ := strconv.Unquote(q)
		out, line = append(out, s), line[len(q):]
	}
	return out, nil
}
