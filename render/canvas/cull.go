package canvas

import (
	"math"
	"slices"
)

// Culling by grid: when the camera shows a small part of a big scene, the
// frame finds what to draw in a uniform grid of the scene's nodes and
// edges instead of testing every one. The grid is rebuilt only when the
// scene's Version changes (scenes filled by hand have none: they are
// tested item by item).
const (
	cullMinItems = 2048 // smaller scenes are tested item by item
	cullSpan     = 4    // an edge whose box spans more cells is "long"
)

type cullGrid struct {
	version        uint64
	cell, x0, y0   float32
	cols, rows     int
	half           float32 // largest node half extent
	nstart, nitems []int32 // nodes by the cell of their centre
	estart, eitems []int32 // short edges by every cell their box covers
	long           []int32 // edges spanning more than cullSpan cells
	seen           []uint32
	tick           uint32
	nodes, edges   []int32 // the last query's result
}

// worth reports whether culling s through the grid beats testing every
// item: a big scene of which the view shows less than a quarter.
func (g *cullGrid) worth(s *Scene, v viewRect) bool {
	if s.Version == 0 || len(s.Nodes)+len(s.Edges) < cullMinItems {
		return false
	}
	g.build(s)
	area := float32(g.cols*g.rows) * g.cell * g.cell
	return (v.x1-v.x0)*(v.y1-v.y0) < area/4
}

// build lays the scene out in cells of about two nodes each.
func (g *cullGrid) build(s *Scene) {
	if g.version == s.Version {
		return
	}
	g.version = s.Version
	x0, y0, x1, y1 := float32(math.MaxFloat32), float32(math.MaxFloat32), float32(-math.MaxFloat32), float32(-math.MaxFloat32)
	g.half = 0
	for i := range s.Nodes {
		n := &s.Nodes[i]
		x0, y0, x1, y1 = min(x0, n.X), min(y0, n.Y), max(x1, n.X), max(y1, n.Y)
		hw, hh := extent(n)
		g.half = max(g.half, hw, hh)
	}
	side := float32(math.Ceil(math.Sqrt(float64(len(s.Nodes)) / 2)))
	g.cell = max(64, (x1-x0)/side, (y1-y0)/side)
	g.x0, g.y0 = x0, y0
	g.cols, g.rows = int((x1-x0)/g.cell)+1, int((y1-y0)/g.cell)+1
	g.layNodes(s)
	g.layEdges(s)
}

func (g *cullGrid) cellOf(x, y float32) (int, int) {
	cx := int(max(0, min(float32(g.cols-1), (x-g.x0)/g.cell)))
	cy := int(max(0, min(float32(g.rows-1), (y-g.y0)/g.cell)))
	return cx, cy
}

func (g *cullGrid) layNodes(s *Scene) {
	g.nstart = grow(g.nstart, g.cols*g.rows+2)
	for i := range s.Nodes {
		cx, cy := g.cellOf(s.Nodes[i].X, s.Nodes[i].Y)
		g.nstart[cy*g.cols+cx+2]++
	}
	prefix(g.nstart)
	g.nitems = grow(g.nitems, len(s.Nodes))
	for i := range s.Nodes {
		cx, cy := g.cellOf(s.Nodes[i].X, s.Nodes[i].Y)
		c := cy*g.cols + cx + 1
		g.nitems[g.nstart[c]] = int32(i)
		g.nstart[c]++
	}
}

// layEdges counts, then places, each short edge in the cells of its box.
func (g *cullGrid) layEdges(s *Scene) {
	g.estart, g.long = grow(g.estart, g.cols*g.rows+2), g.long[:0]
	g.eachEdgeCell(s, func(c int, _ int32) { g.estart[c+2]++ })
	prefix(g.estart)
	g.eitems = grow(g.eitems, int(g.estart[len(g.estart)-1]))
	g.long = g.long[:0]
	g.eachEdgeCell(s, func(c int, k int32) {
		g.eitems[g.estart[c+1]] = k
		g.estart[c+1]++
	})
}

// eachEdgeCell calls fn for every cell the box of each short edge covers
// and lists the long ones.
func (g *cullGrid) eachEdgeCell(s *Scene, fn func(c int, k int32)) {
	for k := range s.Edges {
		e := &s.Edges[k]
		ax, ay := g.cellOf(e.A.X, e.A.Y)
		bx, by := g.cellOf(e.B.X, e.B.Y)
		x0, x1, y0, y1 := min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
		if x1-x0 > cullSpan || y1-y0 > cullSpan {
			g.long = append(g.long, int32(k))
			continue
		}
		for cy := y0; cy <= y1; cy++ {
			for cx := x0; cx <= x1; cx++ {
				fn(cy*g.cols+cx, int32(k))
			}
		}
	}
}

// prefix turns counts one slot ahead into row starts (see bendIndex).
func prefix(start []int32) {
	for i := 2; i < len(start); i++ {
		start[i] += start[i-1]
	}
}

// query collects, in scene order, the nodes and edges that may show in v.
func (g *cullGrid) query(s *Scene, v viewRect) {
	g.nodes, g.edges = g.nodes[:0], g.edges[:0]
	grow := g.half + 1.5*g.cell // node extents, the bulge of bent short edges, loops
	cx0, cy0 := g.cellOf(v.x0-grow, v.y0-grow)
	cx1, cy1 := g.cellOf(v.x1+grow, v.y1+grow)
	g.nextTick(len(s.Edges))
	for cy := cy0; cy <= cy1; cy++ {
		for cx := cx0; cx <= cx1; cx++ {
			c := cy*g.cols + cx
			g.nodes = append(g.nodes, g.nitems[g.nstart[c]:g.nstart[c+1]]...)
			for _, k := range g.eitems[g.estart[c]:g.estart[c+1]] {
				if g.seen[k] != g.tick {
					g.seen[k] = g.tick
					g.edges = append(g.edges, k)
				}
			}
		}
	}
	g.edges = append(g.edges, g.long...)
	slices.Sort(g.nodes)
	slices.Sort(g.edges)
}

func (g *cullGrid) nextTick(edges int) {
	if len(g.seen) < edges {
		g.seen = make([]uint32, edges)
	}
	g.tick++
	if g.tick == 0 {
		clear(g.seen)
		g.tick = 1
	}
}
