// Package canvas builds the triangles of an editor frame: node shapes,
// edges with arrowheads, labels from a glyph atlas, the grid, and the
// panels and overlays of the user interface. It is pure Go and never
// imports ebiten (whose import needs a display), so frame building is
// tested and benchmarked anywhere; package render hands the finished
// [Mesh] batches to ebiten, one draw call per [Layer].
//
// A frame is built from a [Scene] (what the canvas shows) and a [UIView]
// (what the panels show), both plain values filled from the ecs world by
// [FromWorld]. [Frame] keeps its slices between frames, so building a frame
// for an unchanged-size scene does not allocate.
package canvas
