package ecs

import (
	"math"

	"github.com/cimviz/cimviz/graph"
	arche "github.com/mlange-42/arche/ecs"
)

// DefaultCell is the side of a spatial index cell in world units.
const DefaultCell = 256.0

type cellKey struct{ X, Y int32 }

type spatialItem struct {
	e   arche.Entity
	box Rect
	z   uint64 // insertion order; later is on top
}

// SpatialIndex is a resource: a uniform grid of node boxes for hit testing
// and visibility queries. An item lives in the cell of its centre; queries
// widen by the largest half-extent seen, so boxes of any size are found.
type SpatialIndex struct {
	cell  float64
	cells map[cellKey][]spatialItem
	where map[arche.Entity]cellKey
	half  graph.Point // largest half-extent inserted
	nextZ uint64
}

// NewSpatialIndex returns an empty index with the given cell side.
func NewSpatialIndex(cell float64) *SpatialIndex {
	if cell <= 0 {
		cell = DefaultCell
	}
	return &SpatialIndex{cell: cell, cells: map[cellKey][]spatialItem{}, where: map[arche.Entity]cellKey{}}
}

// Len is the number of items.
func (s *SpatialIndex) Len() int { return len(s.where) }

// Set inserts e with box, or moves it there.
func (s *SpatialIndex) Set(e arche.Entity, box Rect) {
	k := s.key(box.Center())
	s.half.X = math.Max(s.half.X, box.W()/2)
	s.half.Y = math.Max(s.half.Y, box.H()/2)
	if old, ok := s.where[e]; ok {
		if old == k && s.replace(k, e, box) {
			return
		}
		s.Remove(e)
	}
	s.insert(e, k, box)
}

// add inserts e, which the index does not hold, with box (bulk loads).
func (s *SpatialIndex) add(e arche.Entity, box Rect) {
	s.half.X = math.Max(s.half.X, box.W()/2)
	s.half.Y = math.Max(s.half.Y, box.H()/2)
	s.insert(e, s.key(box.Center()), box)
}

func (s *SpatialIndex) insert(e arche.Entity, k cellKey, box Rect) {
	s.nextZ++
	s.cells[k] = append(s.cells[k], spatialItem{e, box, s.nextZ})
	s.where[e] = k
}

// Remove drops e; unknown entities are ignored.
func (s *SpatialIndex) Remove(e arche.Entity) {
	k, ok := s.where[e]
	if !ok {
		return
	}
	delete(s.where, e)
	items := s.cells[k]
	for i := range items {
		if items[i].e == e {
			items[i] = items[len(items)-1]
			items = items[:len(items)-1]
			break
		}
	}
	if len(items) == 0 {
		delete(s.cells, k)
		return
	}
	s.cells[k] = items
}

// reserve makes room for n more items (a graph about to be loaded).
func (s *SpatialIndex) reserve(n int) {
	if len(s.where) == 0 && n > 1024 {
		s.where = make(map[arche.Entity]cellKey, n)
		s.cells = make(map[cellKey][]spatialItem, n/4)
	}
}

// Clear empties the index.
func (s *SpatialIndex) Clear() {
	clear(s.cells)
	clear(s.where)
	s.half = graph.Point{}
}

// Query calls fn for each item whose box overlaps r, until fn returns false.
func (s *SpatialIndex) Query(r Rect, fn func(arche.Entity, Rect) bool) {
	wide := Rect{r.Min.Sub(s.half), r.Max.Add(s.half)}
	lo, hi := s.key(wide.Min), s.key(wide.Max)
	span := (int64(hi.X-lo.X) + 1) * (int64(hi.Y-lo.Y) + 1)
	if span > int64(len(s.cells)) {
		s.queryAll(r, fn)
		return
	}
	for y := lo.Y; y <= hi.Y; y++ {
		for x := lo.X; x <= hi.X; x++ {
			if !s.visit(s.cells[cellKey{x, y}], r, fn) {
				return
			}
		}
	}
}

// At returns the topmost item whose box contains p.
func (s *SpatialIndex) At(p graph.Point) (arche.Entity, bool) {
	var best spatialItem
	lo, hi := s.key(p.Sub(s.half)), s.key(p.Add(s.half))
	for y := lo.Y; y <= hi.Y; y++ {
		for x := lo.X; x <= hi.X; x++ {
			for _, it := range s.cells[cellKey{x, y}] {
				if it.z > best.z && it.box.Contains(p) {
					best = it
				}
			}
		}
	}
	return best.e, best.z != 0
}

func (s *SpatialIndex) queryAll(r Rect, fn func(arche.Entity, Rect) bool) {
	for _, items := range s.cells {
		if !s.visit(items, r, fn) {
			return
		}
	}
}

func (s *SpatialIndex) visit(items []spatialItem, r Rect, fn func(arche.Entity, Rect) bool) bool {
	for _, it := range items {
		if it.box.Overlaps(r) && !fn(it.e, it.box) {
			return false
		}
	}
	return true
}

func (s *SpatialIndex) replace(k cellKey, e arche.Entity, box Rect) bool {
	items := s.cells[k]
	for i := range items {
		if items[i].e == e {
			items[i].box = box
			return true
		}
	}
	return false
}

func (s *SpatialIndex) key(p graph.Point) cellKey {
	return cellKey{clampCell(p.X / s.cell), clampCell(p.Y / s.cell)}
}

func clampCell(v float64) int32 {
	return int32(clamp(math.Floor(v), math.MinInt32/2, math.MaxInt32/2))
}
