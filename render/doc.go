// Package render draws the ecs world with ebiten and reads ebiten input into
// ecs input snapshots. It is the only package besides cmd/cimviz that
// touches ebiten, so it is the only one whose tests need a display.
//
// The work is split in two:
//
//   - package [github.com/cimviz/cimviz/render/canvas] builds every vertex
//     of a frame in plain Go (node shapes, edges, labels from a glyph atlas,
//     grid, panels, overlays), from a Scene and a UIView that its Adapter
//     copies out of the [ecs.Editor]. It never imports ebiten, so it is
//     tested and benchmarked without a display.
//   - this package is the thin ebiten layer: [Renderer] uploads the glyph
//     atlas and sends each canvas layer with one DrawTriangles32 call, plus
//     the far-out canvas raster as one image when in use (at most seven per
//     frame, whatever the graph's size); [InputReader] turns ebiten's
//     mouse, wheel, keys and typed runes into an [ecs.Input] once per tick;
//     [Game] is the ebiten.Game of the editor window. Its Draw skips all
//     work while the ecs revision (and window size) is unchanged, and after
//     a second without input or change the window rests (it waits for
//     input, ticking every 100 ms so service events still show), so an idle
//     editor costs well under 2% of a core.
//
// Input that lands on the window's own panels (minimap, node palette,
// graph browser, breadcrumbs, context menu) is handled here before the ecs
// systems see it; everything else goes to [ecs.Editor.Update].
//
// [Renderer.Snapshot] reads a frame back for PNG export and screenshots;
// canvas.WriteSVG writes a scene as SVG.
package render
