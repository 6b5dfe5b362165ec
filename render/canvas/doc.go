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
// A workflow that runs shows on its graph ([Runs] on a [NodeView]):
// running steps glow green, failed ones turn red, badges on the corners
// count the instances waiting (top right), running (top left) and failed
// (bottom right), and a pulsed edge carries a dot from its source to its
// target while the pulse fades.
//
// Large graphs stay fluid because a frame costs what is visible and what
// changed, not the graph: the Adapter keeps the scene between frames and
// patches only the entities the editor marked (hover, selection, pulses,
// drags), copying the graph only on structural changes; the frame culls
// through a grid of the scene when the view shows a small part of it; and
// level of detail applies: below 14 px a node is a plain quad, below 7 px
// labels are dropped, at low zoom edges become hairlines without
// arrowheads, and below zoom 0.1 nodes and edges are drawn into a [Raster]
// (pixels, one texture) instead of triangles. Text does not cost a draw call per label:
// glyphs are rasterised once (golang.org/x/image/font/opentype, Go Regular)
// into one atlas that also holds the white texel shapes sample, and every
// label becomes two textured triangles per glyph in the text layer.
package canvas
