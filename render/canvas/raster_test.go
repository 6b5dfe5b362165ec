package canvas

import (
	"testing"

	"pgregory.net/rapid"
)

// A block anywhere, partly or wholly off the raster, fills only the
// raster's pixels it covers and never writes outside (a node just past
// the right edge once sliced out of range).
func TestRasterBlockClipsToTheRaster(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var r Raster
		w, h := rapid.IntRange(1, 40).Draw(t, "w"), rapid.IntRange(1, 40).Draw(t, "h")
		r.reset(w, h)
		coord := rapid.Float32Range(-20, 60)
		x0, y0 := coord.Draw(t, "x0"), coord.Draw(t, "y0")
		x1, y1 := x0+rapid.Float32Range(0, 10).Draw(t, "dx"), y0+rapid.Float32Range(0, 10).Draw(t, "dy")
		r.block(x0, y0, x1, y1, 7)
		for y := range h {
			for x := range w {
				inside := float32(x)+0.5 >= x0-0.5 && float32(x)+0.5 <= x1+1.5 && float32(y)+0.5 >= y0-0.5 && float32(y)+0.5 <= y1+1.5
				if r.px[y*w+x] == 7 && !inside {
					t.Fatalf("pixel %d,%d filled by the block %v,%v..%v,%v", x, y, x0, y0, x1, y1)
				}
			}
		}
	})
}
