// Package canvas builds the triangles of an editor frame: node shapes,
// edges with arrowheads, labels from a glyph atlas, the grid, and the
// panels and overlays of the user interface. It is pure Go and never
// imports ebiten (whose import needs a display), so frame building is
// tested and benchmarked anywhere; package render hands the finished
// [Mesh] batches to ebiten, one draw call per [Layer].
//
// A frame is built from a [Scene] (what the canvas shows) and a [UIView]
// (what the panels show), both plain values that an [Adapter] fills from
// the [ecs.Editor]. [Frame] keeps its slices between frames, so building a
// frame for a scene of unchanged size does not allocate.
//
// Large graphs stay fluid through culling (only nodes and edges in the
// viewport are emitted) and level of detail: below 14 px a node is a plain
// quad, below 7 px labels are dropped, and at low zoom edges become
// hairlines without arrowheads. Text does not cost a draw call per label:
// glyphs are rasterised once (golang.org/x/image/font/opentype, Go Regular)
// into one atlas that also holds the white texel shapes sample, and every
// label becomes two textured triangles per glyph in the text layer.
package canvas
